using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>A representation ready to cluster: one row per successfully extracted track.</summary>
public sealed record BuiltRepresentation(
    PlannedRepresentation Plan,
    double[][] Rows,
    TrainingStatus? Training,
    double? ExplainedVariance,
    IReadOnlyDictionary<string, string> Blobs,
    LatentDiagnostics? Diagnostics = null)
{
    public const string LossCurveBlob = "loss_curve";
    public const string TraversalBlob = "traversal";
    public const string DiagnosticsBlob = "diagnostics";
}
