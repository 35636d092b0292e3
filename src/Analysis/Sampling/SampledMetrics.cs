namespace MusicClustering.Analysis.Sampling;

/// <summary>Silhouette and trustworthiness that stay O(n) in memory and bounded in time at any n (see <see cref="SamplingOptions"/>).</summary>
public static class SampledMetrics
{
    /// <summary>
    /// Exact silhouette up to the threshold; above it, the silhouette of a fixed-seed sample (sklearn's sample_size),
    /// with an interval from the spread of the per-point values. Null when the (sampled) labels have fewer than two
    /// groups or one group per point.
    /// </summary>
    public static SampledEstimate? Silhouette(double[][] x, int[] labels, SamplingOptions? options = null)
    {
        options ??= SamplingOptions.Default;
        DataChecks.RequireRectangular(x);
        ArgumentNullException.ThrowIfNull(labels);
        DataChecks.RequireSameLength(x.Length, labels.Length, nameof(labels));
        int n = x.Length;
        bool exact = n <= options.ExactMaxSamples;
        int[] rows = exact ? Enumerable.Range(0, n).ToArray() : Sample(n, options.SilhouetteSampleSize, options.Seed);
        int[] sampleLabels = rows.Select(i => labels[i]).ToArray();
        int groups = sampleLabels.Distinct().Count();
        if (groups < 2 || groups > rows.Length - 1)
        {
            return null;
        }
        double[] values = InternalMetrics.SilhouetteSamples(rows.Select(i => x[i]).ToArray(), sampleLabels);
        return exact ? SampledEstimate.FromExact(values.Average(), n) : SampledEstimate.FromTerms(values, n, options.Seed);
    }

    /// <summary>
    /// sklearn's trustworthiness; exact up to the threshold, above it estimated from a fixed-seed sample of query
    /// points, each ranked against all n points in both spaces.
    /// </summary>
    public static SampledEstimate Trustworthiness(double[][] original, double[][] embedded, int nNeighbors = 10, SamplingOptions? options = null)
    {
        options ??= SamplingOptions.Default;
        int n = original.Length;
        bool exact = n <= options.ExactMaxSamples;
        int[] rows = exact ? Enumerable.Range(0, n).ToArray() : Sample(n, options.TrustworthinessSampleSize, options.Seed);
        double[] penalties = EmbeddingMetrics.TrustworthinessPenalties(original, embedded, nNeighbors, rows);
        double scale = -2.0 / (nNeighbors * (2.0 * n - 3.0 * nNeighbors - 1.0));
        // T = 1 − 2/(n·k·(2n − 3k − 1)) · Σ_i penalty_i = 1 + scale · mean(penalty).
        return exact
            ? SampledEstimate.FromExact(1 + scale * penalties.Average(), n)
            : SampledEstimate.FromTerms(penalties, n, options.Seed, offset: 1, scale: scale);
    }

    /// <summary>The first m of a seeded Fisher–Yates permutation of 0..n−1, sorted (m ≥ n gives every row).</summary>
    public static int[] Sample(int n, int m, int seed)
    {
        if (m >= n)
        {
            return Enumerable.Range(0, n).ToArray();
        }
        var permutation = Enumerable.Range(0, n).ToArray();
        var random = new Random(seed);
        for (int i = 0; i < m; i++)
        {
            int j = random.Next(i, n);
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }
        var sample = permutation[..m];
        Array.Sort(sample);
        return sample;
    }
}
