using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>The tracks whose features were extracted, in manifest order, and those that failed.</summary>
public sealed record ExtractionOutcome(
    IReadOnlyList<ExtractionOutcome.Extracted> Succeeded,
    IReadOnlyList<ExtractionOutcome.Extracted> Failed)
{
    public sealed record Extracted(ManifestTrack Track, TrackFeatureResult Result);

    public static ExtractionOutcome From(IReadOnlyList<ManifestTrack> tracks, IReadOnlyList<TrackFeatureResult> results)
    {
        var all = tracks.Select((track, i) => new Extracted(track, results[i])).ToList();
        return new ExtractionOutcome(all.Where(t => t.Result.Succeeded).ToList(), all.Where(t => !t.Result.Succeeded).ToList());
    }

    /// <summary>
    /// The same outcome with the tracks that failed a later per-track stage (the patch models' log-mel) moved to the
    /// failed ones, keyed by track id with that stage's reason and message; the order of both lists is kept.
    /// </summary>
    public ExtractionOutcome WithLaterFailures(IReadOnlyDictionary<string, (string Reason, string Message)> failures)
    {
        if (failures.Count == 0)
        {
            return this;
        }

        var moved = Succeeded
            .Where(t => failures.ContainsKey(t.Track.Id))
            .Select(t => t with { Result = t.Result with { Features = null, Vector = null, Embedding = null, FailureReason = failures[t.Track.Id].Reason, FailureMessage = failures[t.Track.Id].Message } });
        return new ExtractionOutcome([.. Succeeded.Where(t => !failures.ContainsKey(t.Track.Id))], [.. Failed, .. moved]);
    }

    /// <summary>What results.json says about extraction.</summary>
    public ExtractionSummary Summarise(string config) =>
        new(Features(config), FailedTracks(), TrackPaths(), [.. Succeeded.Where(t => t.Result.Warning is not null).Select(t => $"{t.Track.DisplayName}: {t.Result.Warning}")]);

    /// <summary>What results.json says about the features: counts by outcome and by silo, and how much audio was analysed.</summary>
    public ExperimentResults.FeaturesSection Features(string config) => new(
        config,
        Succeeded.Count > 0 ? Succeeded[0].Result.Dimension : 0,
        Succeeded.Count(t => !t.Result.Cached),
        Succeeded.Count(t => t.Result.Cached),
        Succeeded.Concat(Failed).GroupBy(t => t.Result.Silo).ToDictionary(g => g.Key, g => g.Count()),
        Succeeded.Sum(t => t.Result.AnalysedSeconds),
        Succeeded.Sum(t => t.Result.DurationSeconds),
        Succeeded.Sum(t => t.Result.Segments),
        [.. Succeeded
            .Where(t => t.Result.AnalysedSeconds < t.Result.DurationSeconds - 1e-3)
            .Select(t => new ExperimentResults.PartialTrack(t.Track.Id, t.Result.AnalysedSeconds, t.Result.DurationSeconds))]);

    private IReadOnlyList<ExperimentResults.FailedTrack> FailedTracks() =>
        Failed.Select(t => new ExperimentResults.FailedTrack(t.Track.Id, t.Result.FailureReason ?? "unknown", t.Result.FailureMessage ?? "", t.Track.Path)).ToList();

    /// <summary>Each extracted track's original path, by id: how people know the tracks results.json names.</summary>
    private IReadOnlyDictionary<string, string> TrackPaths() => Succeeded.ToDictionary(t => t.Track.Id, t => t.Track.DisplayName);
}
