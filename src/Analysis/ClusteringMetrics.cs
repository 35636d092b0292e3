using System.Text.Json.Serialization;
using MusicClustering.Analysis.Sampling;

namespace MusicClustering.Analysis;

/// <summary>
/// Summary scores of one clustering; null where a metric is undefined (e.g. fewer than two clusters or no truth).
/// <see cref="SilhouetteSampling"/> says whether the silhouette was exact or sampled (sample size, 95% interval).
/// </summary>
/// <remarks>
/// The JSON form is results.json's <c>metrics</c>: the seven scores, NMI before ARI as scripts have always read them;
/// the counts belong to the row (<see cref="Evaluation.MetricRow"/>).
/// </remarks>
public sealed record ClusteringMetrics(
    double? Silhouette,
    double? CalinskiHarabasz,
    double? DaviesBouldin,
    [property: JsonPropertyOrder(1)] double? Ari,
    double? Nmi,
    [property: JsonPropertyOrder(1)] double? Accuracy,
    [property: JsonPropertyOrder(1)] double? Purity,
    [property: JsonIgnore] int Clusters,
    [property: JsonIgnore] int NoisePoints)
{
    [JsonPropertyOrder(2)]
    public SampledEstimate? SilhouetteSampling { get; init; }
}
