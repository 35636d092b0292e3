namespace MusicClustering.Analysis.Evaluation;

/// <summary>
/// Labels from one algorithm (noise = -1) with what it reports: Inertia for K-Means, Eps/EpsFromKnee for DBSCAN,
/// and the effective parameters by sklearn name. <see cref="Diagnostics"/> holds fit statistics that are not
/// parameters (GMM: bic, aic, avg_log_likelihood, n_iter, converged; spectral: graph_components; sampled fits: sample_size).
/// </summary>
public sealed record ClusteringOutcome(
    int[] Labels,
    int Clusters,
    int Noise,
    double? Inertia,
    double? Eps,
    bool? EpsFromKnee,
    IReadOnlyDictionary<string, double> Parameters)
{
    public IReadOnlyDictionary<string, double> Diagnostics { get; init; } = new Dictionary<string, double>();
}
