using System.Text.Json.Serialization;

namespace MusicClustering.Client.Commands.Bench.SideBySide;

/// <summary>One round of a benchmark: ours, then the reference, back to back.</summary>
public sealed record SideBySideRound(
    [property: JsonPropertyName("ours_s")] double OursSeconds,
    [property: JsonPropertyName("reference_s")] double? ReferenceSeconds,
    double? Ratio)
{
    public static SideBySideRound Of(SideBySideTiming timing) => new(timing.OursSeconds, timing.ReferenceSeconds, timing.Ratio);
}

/// <summary>
/// Rounds of ours-then-reference. The machines here are shared and their speed drifts by a third within minutes, on
/// both sides; a round keeps the two measurements close in time, and the report is the round whose ratio is the
/// median, so its <c>ours_s</c>, <c>reference_s</c> and <c>ratio</c> stay one consistent measurement.
/// </summary>
public static class SideBySideRounds
{
    public const int DefaultRounds = 3;

    /// <summary>
    /// The index of the median round: by ratio, or by our time when no round has a reference. Of an even count, the
    /// lower of the two middle rounds.
    /// </summary>
    public static int MedianIndex(IReadOnlyList<SideBySideTiming> rounds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(rounds.Count);
        var order = rounds.All(r => r.Ratio is not null)
            ? Enumerable.Range(0, rounds.Count).OrderBy(i => rounds[i].Ratio!.Value)
            : Enumerable.Range(0, rounds.Count).OrderByDescending(i => rounds[i].OursSeconds);
        return order.ElementAt((rounds.Count - 1) / 2);
    }
}
