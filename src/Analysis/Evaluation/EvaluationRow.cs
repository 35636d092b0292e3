namespace MusicClustering.Analysis.Evaluation;

/// <summary>One algorithm's result on one feature space; Seconds is the clustering time (metrics excluded).</summary>
public sealed record EvaluationRow(string Algorithm, ClusteringOutcome Outcome, ClusteringMetrics Metrics, double Seconds);
