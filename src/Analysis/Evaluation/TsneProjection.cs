using System.Diagnostics;
using MusicClustering.Analysis.Sampling;

namespace MusicClustering.Analysis.Evaluation;

/// <summary>
/// A 2-D t-SNE view of a feature space with its trustworthiness (k = 10, fewer for tiny sets); above
/// <see cref="SamplingOptions.ExactMaxSamples"/> points trustworthiness is estimated on a fixed-seed sample of query
/// points (<see cref="TrustworthinessSampling"/> has the sample size and interval).
/// </summary>
public sealed record TsneProjection(double[][] Embedding, double Trustworthiness, double Seconds)
{
    public SampledEstimate? TrustworthinessSampling { get; init; }

    /// <summary>Points t-SNE optimised: n, or the fixed-seed sample the others were placed around (above 10k points).</summary>
    public int OptimisedPoints { get; init; }

    public const int TrustworthinessNeighbors = 10;

    /// <summary>
    /// Barnes–Hut t-SNE with sklearn defaults. sklearn requires perplexity &lt; n_samples, so the perplexity is clipped
    /// to n − 1 for tiny sets; trustworthiness needs k &lt; n / 2, so k drops below 10 there (NaN when n &lt; 4).
    /// Seconds covers the embedding only.
    /// </summary>
    public static TsneProjection Run(double[][] x, int seed, double perplexity = 30)
    {
        DataChecks.RequireRectangular(x);
        int n = x.Length;
        if (n < 2)
        {
            throw new ArgumentException("t-SNE needs at least two samples.", nameof(x));
        }
        if (!(perplexity > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(perplexity), perplexity, "Must be positive.");
        }
        var watch = Stopwatch.StartNew();
        var tsne = new Tsne(new TsneOptions { Perplexity = Math.Min(perplexity, n - 1), Seed = seed });
        double[][] embedding = tsne.FitTransform(x);
        watch.Stop();
        // Largest k with k < n / 2.
        int k = Math.Min(TrustworthinessNeighbors, (n - 1) / 2);
        var trust = k >= 1 ? SampledMetrics.Trustworthiness(x, embedding, k, new SamplingOptions { Seed = seed }) : null;
        return new TsneProjection(embedding, trust?.Value ?? double.NaN, watch.Elapsed.TotalSeconds) { TrustworthinessSampling = trust, OptimisedPoints = tsne.OptimisedPoints };
    }
}
