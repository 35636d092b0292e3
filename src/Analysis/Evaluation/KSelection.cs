using System.Text.Json.Serialization;
using MusicClustering.Analysis.Sampling;

namespace MusicClustering.Analysis.Evaluation;

/// <summary>One candidate k and its label-free score (null when the clustering could not be scored at that k).</summary>
public sealed record KScore(
    [property: JsonPropertyName("k")] int K,
    [property: JsonPropertyName("score")] double? Score);

/// <summary>
/// The k chosen without labels and the whole curve it was chosen from, as results.json can record it:
/// <c>criterion</c> is "silhouette" (highest wins) or "bic" (lowest wins), or "none" when there were too few points.
/// </summary>
public sealed record KSelection(
    [property: JsonPropertyName("k")] int ChosenK,
    [property: JsonPropertyName("criterion")] string Criterion,
    [property: JsonPropertyName("range")] int[] Range,
    [property: JsonPropertyName("curve")] IReadOnlyList<KScore> Curve);

/// <summary>
/// <c>--k auto</c>: runs the algorithm for every k in [min_k, min(max_k, n − 1)] and keeps the best label-free score:
/// BIC (lowest) for Gaussian mixtures, the mean silhouette (highest; sampled above 10k points) for every other
/// algorithm. Ties go to the smaller k. With fewer than 3 points there is nothing to compare and k = 1. Labels are
/// never read. DBSCAN has no k and is refused.
/// </summary>
public static class KSelector
{
    public const int DefaultMinK = 2;
    public const int DefaultMaxK = 20;
    public const string Silhouette = "silhouette";
    public const string Bic = "bic";

    public static KSelection Choose(double[][] x, ClusteringAlgorithmSpec spec, int seed, int minK = DefaultMinK, int maxK = DefaultMaxK, SamplingOptions? sampling = null)
    {
        DataChecks.RequireRectangular(x);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Name == ClusteringAlgorithmSpec.DbscanName)
        {
            throw new ArgumentException("dbscan finds its own number of clusters; --k auto applies to the other algorithms.", nameof(spec));
        }
        if (minK < 2 || maxK < minK)
        {
            throw new ArgumentException($"The k range must satisfy 2 <= min_k <= max_k, not [{minK}, {maxK}].");
        }
        int n = x.Length;
        int upper = Math.Min(maxK, n - 1);
        if (upper < minK)
        {
            return new KSelection(1, "none", [minK, maxK], []);
        }
        bool bic = spec.Name == ClusteringAlgorithmSpec.GmmName;
        var curve = new List<KScore>();
        for (int k = minK; k <= upper; k++)
        {
            curve.Add(new KScore(k, Score(x, spec, k, seed, bic, sampling)));
        }
        var scored = curve.Where(p => p.Score is not null).ToList();
        if (scored.Count == 0)
        {
            return new KSelection(1, bic ? Bic : Silhouette, [minK, upper], curve);
        }
        var best = scored.Aggregate((a, b) => bic ? (b.Score < a.Score ? b : a) : (b.Score > a.Score ? b : a));
        return new KSelection(best.K, bic ? Bic : Silhouette, [minK, upper], curve);
    }

    private static double? Score(double[][] x, ClusteringAlgorithmSpec spec, int k, int seed, bool bic, SamplingOptions? sampling)
    {
        ClusteringOutcome outcome;
        try
        {
            outcome = ClusteringRunner.Run(x, spec, k, seed);
        }
        catch (InvalidOperationException)
        {
            // A mixture with an ill-defined covariance at this k (too few points per component): not a candidate.
            return null;
        }
        return bic ? outcome.Diagnostics["bic"] : SampledMetrics.Silhouette(x, outcome.Labels, sampling)?.Value;
    }
}
