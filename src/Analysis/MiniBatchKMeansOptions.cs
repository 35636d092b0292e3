namespace MusicClustering.Analysis;

/// <summary>sklearn 1.2's MiniBatchKMeans settings and defaults (batch_size 1024, n_init 3, max_iter 100, tol 0, ...).</summary>
public sealed record MiniBatchKMeansOptions
{
    public required int NClusters { get; init; }
    public int BatchSize { get; init; } = 1024;
    public int MaxIter { get; init; } = 100;

    /// <summary>k-means++ runs on init_size random points; null = 3·batch_size (at least 3·n_clusters).</summary>
    public int? InitSize { get; init; }

    public int NInit { get; init; } = 3;

    /// <summary>Stop when the squared center change is below tol·(mean feature variance); 0 disables it (sklearn's default).</summary>
    public double Tol { get; init; }

    public int MaxNoImprovement { get; init; } = 10;
    public double ReassignmentRatio { get; init; } = 0.01;
    public int Seed { get; init; }
}
