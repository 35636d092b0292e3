namespace MusicClustering.Client.Ingest;

/// <summary>
/// An audio file found on disk: its path relative to the scanned folder ('/'-separated, NFC), the candidate track id
/// derived from it (made unique at ingest, see <see cref="TrackIds"/>) and its label.
/// </summary>
public sealed record ScannedTrack(string Path, string TrackId, string FileName, string? Label)
{
    public string RelativePath { get; init; } = FileName;
}
