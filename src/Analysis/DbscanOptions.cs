namespace MusicClustering.Analysis;

/// <summary>DBSCAN settings (sklearn eps, min_samples). A null Eps is chosen from the knee of the k-distance curve.</summary>
public sealed record DbscanOptions
{
    public double? Eps { get; init; }

    /// <summary>Neighbours within Eps needed for a core point, the point itself included (sklearn).</summary>
    public int MinSamples { get; init; } = 5;
}
