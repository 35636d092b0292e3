namespace MusicClustering.Experiments;

/// <summary>What results.json says about extraction: the features section, the failed tracks, every clustered
/// track's original path and the per-track warnings (e.g. truncated data) that become notes.</summary>
public sealed record ExtractionSummary(
    ExperimentResults.FeaturesSection Features,
    IReadOnlyList<ExperimentResults.FailedTrack> Failed,
    IReadOnlyDictionary<string, string> TrackPaths,
    IReadOnlyList<string> Warnings)
{
    /// <summary>A summary with only the features section: a table evaluated without tracks behind it.</summary>
    public static ExtractionSummary FeaturesOnly(ExperimentResults.FeaturesSection features) =>
        new(features, [], new Dictionary<string, string>(), []);
}
