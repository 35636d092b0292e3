namespace MusicClustering.Analysis.Evaluation;

/// <summary>
/// One line of every comparison table (results.json's rows, report.html, the console): a representation × fusion ×
/// algorithm × seed, its scores and what the clustering found. The counts are the row's own fields: the JSON of
/// <see cref="ClusteringMetrics"/> leaves them out, so read back from results.json only these are set.
/// </summary>
public sealed record MetricRow(
    string Representation,
    string Fusion,
    string Algorithm,
    int Seed,
    bool Baseline,
    ClusteringMetrics Metrics,
    int Clusters,
    int Noise,
    IReadOnlyDictionary<string, double> Parameters,
    double Seconds)
{
    public static MetricRow From(string representation, string fusion, int seed, bool baseline, EvaluationRow evaluated)
    {
        ArgumentNullException.ThrowIfNull(evaluated);
        var outcome = evaluated.Outcome;
        return new MetricRow(
            representation, fusion, evaluated.Algorithm, seed, baseline, evaluated.Metrics, outcome.Clusters, outcome.Noise, outcome.Parameters, evaluated.Seconds);
    }
}
