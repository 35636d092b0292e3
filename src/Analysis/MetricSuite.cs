using MusicClustering.Analysis.Sampling;

namespace MusicClustering.Analysis;

/// <summary>Computes every metric at once, optionally leaving noise (-1) out of the internal metrics.</summary>
public static class MetricSuite
{
    public const int NoiseLabel = -1;

    /// <summary>
    /// Internal metrics use the non-noise points when <paramref name="excludeNoise"/> is set (as in DBSCAN reports);
    /// label metrics always use every point, so noise counts as one extra group against the truth. The silhouette is
    /// sampled above <see cref="SamplingOptions.ExactMaxSamples"/> points (see <see cref="ClusteringMetrics.SilhouetteSampling"/>).
    /// </summary>
    public static ClusteringMetrics Compute(double[][] x, int[] predicted, int[]? truth = null, bool excludeNoise = true, SamplingOptions? sampling = null)
    {
        DataChecks.RequireRectangular(x);
        ArgumentNullException.ThrowIfNull(predicted);
        DataChecks.RequireSameLength(x.Length, predicted.Length, nameof(predicted));
        if (truth is not null)
        {
            DataChecks.RequireSameLength(x.Length, truth.Length, nameof(truth));
        }

        int noise = predicted.Count(l => l == NoiseLabel);
        var kept = Enumerable.Range(0, x.Length).Where(i => !excludeNoise || predicted[i] != NoiseLabel).ToArray();
        double[][] keptX = kept.Select(i => x[i]).ToArray();
        int[] keptLabels = kept.Select(i => predicted[i]).ToArray();
        int clusters = predicted.Where(l => l != NoiseLabel).Distinct().Count();
        int keptGroups = keptLabels.Distinct().Count();
        bool internalDefined = keptGroups >= 2 && keptGroups <= keptLabels.Length - 1;

        var silhouette = internalDefined ? SampledMetrics.Silhouette(keptX, keptLabels, sampling) : null;
        return new ClusteringMetrics(
            silhouette?.Value,
            internalDefined ? InternalMetrics.CalinskiHarabasz(keptX, keptLabels) : null,
            internalDefined ? InternalMetrics.DaviesBouldin(keptX, keptLabels) : null,
            truth is null ? null : ExternalMetrics.AdjustedRandIndex(truth, predicted),
            truth is null ? null : ExternalMetrics.NormalizedMutualInformation(truth, predicted),
            truth is null ? null : ExternalMetrics.HungarianAccuracy(truth, predicted),
            truth is null ? null : ExternalMetrics.Purity(truth, predicted),
            clusters,
            noise)
        {
            SilhouetteSampling = silhouette,
        };
    }
}
