using System.Diagnostics;

namespace MusicClustering.Analysis.Evaluation;

/// <summary>Runs every algorithm on one feature space and scores it; DBSCAN noise is left out of the internal metrics.</summary>
public static class SpaceEvaluation
{
    public static IReadOnlyList<EvaluationRow> Evaluate(
        double[][] x, int[]? truth, IReadOnlyList<ClusteringAlgorithmSpec> algorithms, int k, int seed)
    {
        DataChecks.RequireRectangular(x);
        ArgumentNullException.ThrowIfNull(algorithms);
        if (truth is not null)
        {
            DataChecks.RequireSameLength(x.Length, truth.Length, nameof(truth));
        }
        var rows = new List<EvaluationRow>(algorithms.Count);
        foreach (var spec in algorithms)
        {
            var watch = Stopwatch.StartNew();
            var outcome = ClusteringRunner.Run(x, spec, k, seed);
            watch.Stop();
            var metrics = MetricSuite.Compute(x, outcome.Labels, truth, excludeNoise: true);
            rows.Add(new EvaluationRow(spec.Label, outcome, metrics, watch.Elapsed.TotalSeconds));
        }
        return rows;
    }
}
