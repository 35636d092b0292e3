namespace MusicClustering.Analysis;

/// <summary>
/// Barnes–Hut t-SNE settings with sklearn 1.2's defaults (perplexity 30, exaggeration 12, 1000 iterations, angle 0.5,
/// learning_rate 'auto', n_iter_without_progress 300, min_grad_norm 1e-7).
/// </summary>
public sealed record TsneOptions
{
    public double Perplexity { get; init; } = 30;
    public double EarlyExaggeration { get; init; } = 12;

    /// <summary>Null means sklearn's 'auto': max(n / early_exaggeration / 4, 50).</summary>
    public double? LearningRate { get; init; }

    public int NIter { get; init; } = 1000;
    public int ExplorationIter { get; init; } = 250;
    /// <summary>Barnes–Hut opening angle (theta), used above <see cref="ExactRepulsionMaxSamples"/>.</summary>
    public double Angle { get; init; } = 0.5;

    /// <summary>Up to this many points repulsion is summed over all pairs instead of a Barnes–Hut tree (exact and, there, faster).</summary>
    public int ExactRepulsionMaxSamples { get; init; } = 10_000;

    /// <summary>
    /// Above this many points t-SNE runs on a fixed-seed sample of this size and every other point is placed at the
    /// inverse-distance-weighted mean of its <see cref="PlacementNeighbors"/> nearest sampled points (original space).
    /// </summary>
    public int FullMaxSamples { get; init; } = 10_000;

    public int PlacementNeighbors { get; init; } = 10;

    /// <summary>Stop when the KL divergence (checked every 50 iterations) has not improved for this many iterations.</summary>
    public int NIterWithoutProgress { get; init; } = 300;

    /// <summary>Stop when the gradient norm falls below this (checked every 50 iterations).</summary>
    public double MinGradNorm { get; init; } = 1e-7;

    /// <summary>Only used for the random start of 1-D inputs; wider inputs start from PCA and are deterministic.</summary>
    public int Seed { get; init; }

    /// <summary>Threads for the affinities and gradients; null = all cores. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>The kNN index for the affinities: exact below its threshold, approximate (HNSW) above.</summary>
    public Neighbors.NeighborIndexOptions? Neighbors { get; init; }
}
