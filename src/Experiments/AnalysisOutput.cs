using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>The comparison rows, the primary row's assignments, t-SNE, lyrics summary, pictures and notes.</summary>
public sealed record AnalysisOutput(
    IReadOnlyList<ExperimentResults.ResultRow> Rows,
    ExperimentResults.ResultRow Primary,
    int[] PrimaryAssignments,
    BuiltRepresentation PrimaryRepresentation,
    bool LabelsAvailable,
    ExperimentResults.LyricsSection? Lyrics,
    ExperimentResults.TsneSection? Tsne,
    IReadOnlyDictionary<string, byte[]> Images,
    IReadOnlyList<string> Notes,
    IReadOnlyList<BuiltRepresentation> Representations);
