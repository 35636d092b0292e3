using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>Everything the analysis stage needs, in track order. Lyrics are null when the dataset has none.</summary>
public sealed record AnalysisInput(
    ExperimentSpec Spec,
    IReadOnlyList<string> TrackIds,
    IReadOnlyList<string?> Labels,
    IReadOnlyList<string?>? Lyrics,
    IReadOnlyList<BuiltRepresentation> Representations);
