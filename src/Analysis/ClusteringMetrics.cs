namespace MusicClustering.Analysis;

/// <summary>Summary scores of one clustering; null where a metric is undefined (e.g. fewer than two clusters or no truth).</summary>
public sealed record ClusteringMetrics(
    double? Silhouette,
    double? CalinskiHarabasz,
    double? DaviesBouldin,
    double? Ari,
    double? Nmi,
    double? Accuracy,
    double? Purity,
    int Clusters,
    int NoisePoints);
