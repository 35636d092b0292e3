namespace MusicClustering.Analysis;

/// <summary>
/// sklearn's GaussianMixture settings (n_components, covariance_type, tol, reg_covar, max_iter, n_init,
/// init_params='kmeans', random_state). Restart r is seeded by K-Means with random_state + r.
/// </summary>
public sealed record GaussianMixtureOptions
{
    public required int NComponents { get; init; }
    public CovarianceType CovarianceType { get; init; } = CovarianceType.Full;
    public double Tol { get; init; } = 1e-3;
    public double RegCovar { get; init; } = 1e-6;
    public int MaxIter { get; init; } = 100;
    public int NInit { get; init; } = 1;
    public int Seed { get; init; }

    /// <summary>
    /// A hard starting assignment used instead of K-Means (one restart); sklearn reaches the same start through
    /// init_params='kmeans', whose labels this reproduces exactly when given them.
    /// </summary>
    public int[]? InitialLabels { get; init; }
}
