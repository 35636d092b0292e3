namespace MusicClustering.Client.Ingest;

public sealed record IngestReport(string Dataset, int Tracks, int Labelled, int Uploaded, int AlreadyStored, long Bytes, double Seconds)
{
    public double MegabytesPerSecond => Seconds > 0 ? Bytes / 1e6 / Seconds : 0;
}
