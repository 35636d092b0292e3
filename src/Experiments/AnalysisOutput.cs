using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>
/// The comparison rows, the primary row's cluster of each track (in the earlier run's ids with <c>--update-from</c>, and
/// then the drift from it), t-SNE (its summary and its 2-D points, one per track in the input's order), lyrics summary,
/// pictures and notes.
/// </summary>
public sealed record AnalysisOutput(
    IReadOnlyList<MetricRow> Rows,
    MetricRow Primary,
    IReadOnlyDictionary<string, int> Assignments,
    BuiltRepresentation PrimaryRepresentation,
    bool LabelsAvailable,
    ExperimentResults.LyricsSection? Lyrics,
    ExperimentResults.TsneSection? Tsne,
    IReadOnlyDictionary<string, byte[]> Images,
    IReadOnlyList<string> Notes,
    IReadOnlyList<BuiltRepresentation> Representations,
    KSelection? KSelection = null,
    double[][]? TsneEmbedding = null,
    ClusterDrift? Drift = null);
