namespace MusicClustering.Analysis;

/// <summary>K-Means (Lloyd) with sklearn semantics: k-means++ seeding, relative tolerance, best of NInit by inertia.</summary>
public sealed class KMeans
{
    private readonly KMeansOptions _options;

    public KMeans(KMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.NClusters < 1 || options.NInit < 1 || options.MaxIter < 1)
        {
            throw new ArgumentException("NClusters, NInit and MaxIter must be positive.", nameof(options));
        }
        _options = options;
    }

    public static KMeansResult Fit(double[][] x, KMeansOptions options) => new KMeans(options).Fit(x);

    public KMeansResult Fit(double[][] x)
    {
        int cols = DataChecks.RequireRectangular(x);
        int n = x.Length;
        int k = _options.NClusters;
        if (n < k)
        {
            throw new ArgumentException($"n_samples={n} should be >= n_clusters={k}.", nameof(x));
        }
        double[] flat = DataChecks.Flatten(x, cols);
        double tol = _options.Tol * MeanVariance(flat, n, cols);
        var lloyd = new LloydRun(flat, n, cols, k);

        if (_options.InitialCenters is { } initial)
        {
            if (initial.Length != k || DataChecks.RequireRectangular(initial, nameof(initial)) != cols)
            {
                throw new ArgumentException("InitialCenters must be NClusters rows with the data's column count.");
            }
            return ToResult(lloyd.Run(DataChecks.Flatten(initial, cols), _options.MaxIter, tol), k, cols);
        }

        var random = new Random(_options.Seed);
        (int[] Labels, double[] Centers, double Inertia, int Iterations)? best = null;
        for (int run = 0; run < _options.NInit; run++)
        {
            double[] seeds = KMeansPlusPlus.Init(flat, n, cols, k, random);
            var result = lloyd.Run(seeds, _options.MaxIter, tol);
            if (best is null || result.Inertia < best.Value.Inertia)
            {
                best = result;
            }
        }
        return ToResult(best!.Value, k, cols);
    }

    /// <summary>Mean of the per-column variances, the scale sklearn applies to tol.</summary>
    internal static double MeanVariance(double[] x, int n, int cols)
    {
        double total = 0;
        for (int j = 0; j < cols; j++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++)
            {
                mean += x[i * cols + j];
            }
            mean /= n;
            double variance = 0;
            for (int i = 0; i < n; i++)
            {
                double d = x[i * cols + j] - mean;
                variance += d * d;
            }
            total += variance / n;
        }
        return total / cols;
    }

    private static KMeansResult ToResult((int[] Labels, double[] Centers, double Inertia, int Iterations) run, int k, int cols)
    {
        var centers = new double[k][];
        for (int c = 0; c < k; c++)
        {
            centers[c] = run.Centers.AsSpan(c * cols, cols).ToArray();
        }
        return new KMeansResult(run.Labels, centers, run.Inertia, run.Iterations);
    }
}
