namespace MusicClustering.Client.Ingest;

public sealed record IngestReport(string Dataset, int Tracks, int Labelled, int Uploaded, int AlreadyStored, long Bytes, double Seconds)
{
    /// <summary>Tracks in the dataset after this ingest, earlier ingests included.</summary>
    public int DatasetTracks { get; init; }

    /// <summary>How many of this ingest's tracks have a row in the lyrics CSV, when one was given.</summary>
    public int? LyricsMatched { get; init; }

    public double MegabytesPerSecond => Seconds > 0 ? Bytes / 1e6 / Seconds : 0;
}
