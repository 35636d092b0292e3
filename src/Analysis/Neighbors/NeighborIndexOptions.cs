namespace MusicClustering.Analysis.Neighbors;

/// <summary>When the index is exact, and the HNSW settings above that size (USearch's names).</summary>
public sealed record NeighborIndexOptions
{
    /// <summary>Up to this many rows queries are exact brute force (O(n²·d) for a whole graph, no O(n²) memory).</summary>
    public const int DefaultExactMaxSamples = 10_000;

    public int ExactMaxSamples { get; init; } = DefaultExactMaxSamples;

    /// <summary>HNSW edges per node (M).</summary>
    public int Connectivity { get; init; } = 16;

    /// <summary>Candidate list while inserting (efConstruction).</summary>
    public int ExpansionAdd { get; init; } = 128;

    /// <summary>Candidate list while searching (ef); at least k is used.</summary>
    public int ExpansionSearch { get; init; } = 64;

    /// <summary>Worker threads for whole-graph queries; null = all cores.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
