using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>
/// Everything the analysis stage needs, in track order. Lyrics are null when the dataset has none. With
/// <c>--update-from</c>, <paramref name="PreviousClusters"/> is the earlier run's cluster of each of its tracks, whose ids
/// the primary clustering takes over; with <c>update_model: reuse</c>, <paramref name="Reused"/> is that run's model, whose
/// representation (<see cref="Library.ReusedModel.Plan"/>) is clustered by its stored centroids instead of a new fit.
/// </summary>
public sealed record AnalysisInput(
    ExperimentSpec Spec,
    IReadOnlyList<string> TrackIds,
    IReadOnlyList<string?> Labels,
    IReadOnlyList<string?>? Lyrics,
    IReadOnlyList<BuiltRepresentation> Representations,
    IReadOnlyDictionary<string, int>? PreviousClusters = null,
    Library.ReusedModel? Reused = null);
