namespace MusicClustering.Client.Ingest;

/// <summary>An audio file found on disk, with the track id and label derived from its path.</summary>
public sealed record ScannedTrack(string Path, string TrackId, string FileName, string? Label);
