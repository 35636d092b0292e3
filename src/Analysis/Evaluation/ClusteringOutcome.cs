namespace MusicClustering.Analysis.Evaluation;

/// <summary>
/// Labels from one algorithm (noise = -1) with what it reports: Inertia for K-Means, Eps/EpsFromKnee for DBSCAN,
/// and the effective parameters by sklearn name.
/// </summary>
public sealed record ClusteringOutcome(
    int[] Labels,
    int Clusters,
    int Noise,
    double? Inertia,
    double? Eps,
    bool? EpsFromKnee,
    IReadOnlyDictionary<string, double> Parameters);
