namespace MusicClustering.Analysis;

/// <summary>K-Means settings; names follow sklearn (n_clusters, n_init, max_iter, tol, random_state).</summary>
public sealed record KMeansOptions
{
    public required int NClusters { get; init; }
    public int NInit { get; init; } = 10;
    public int MaxIter { get; init; } = 300;

    /// <summary>Convergence threshold on the squared center shift, relative to the mean feature variance (sklearn).</summary>
    public double Tol { get; init; } = 1e-4;

    public int Seed { get; init; }

    /// <summary>Explicit starting centers; when set a single run starts from them (sklearn ignores n_init then).</summary>
    public double[][]? InitialCenters { get; init; }
}
