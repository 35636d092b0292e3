using MusicClustering.Analysis.Sampling;

namespace MusicClustering.Analysis;

/// <summary>
/// Summary scores of one clustering; null where a metric is undefined (e.g. fewer than two clusters or no truth).
/// <see cref="SilhouetteSampling"/> says whether the silhouette was exact or sampled (sample size, 95% interval).
/// </summary>
public sealed record ClusteringMetrics(
    double? Silhouette,
    double? CalinskiHarabasz,
    double? DaviesBouldin,
    double? Ari,
    double? Nmi,
    double? Accuracy,
    double? Purity,
    int Clusters,
    int NoisePoints)
{
    public SampledEstimate? SilhouetteSampling { get; init; }
}
