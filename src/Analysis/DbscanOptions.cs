namespace MusicClustering.Analysis;

/// <summary>DBSCAN settings (sklearn eps, min_samples). A null Eps is chosen from the knee of the k-distance curve.</summary>
public sealed record DbscanOptions
{
    public double? Eps { get; init; }

    /// <summary>Neighbours within Eps needed for a core point, the point itself included (sklearn).</summary>
    public int MinSamples { get; init; } = 5;

    /// <summary>
    /// Above the index's exact threshold, neighbourhoods are the points within Eps among each point's
    /// max(MaxNeighbors, 2·MinSamples) approximate nearest neighbours (symmetrised), instead of all pairs.
    /// </summary>
    public int MaxNeighbors { get; init; } = 32;

    public Neighbors.NeighborIndexOptions? Neighbors { get; init; }
}
