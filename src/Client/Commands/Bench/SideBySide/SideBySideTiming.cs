using System.Text.Json.Serialization;

namespace MusicClustering.Client.Commands.Bench.SideBySide;

/// <summary>
/// One benchmark's comparison, as every <c>cluster bench … --json</c> prints it: our time and the reference's, both
/// measured in this run on this machine. <c>ratio</c> is reference_s / ours_s, so above 1 means faster than the
/// reference. Without the harness there is no reference time and no ratio, and <c>reference_note</c> says why: a ratio
/// against a figure measured elsewhere is never printed.
/// </summary>
public sealed record SideBySideTiming(
    [property: JsonPropertyName("ours_s")] double OursSeconds,
    [property: JsonPropertyName("reference_s")] double? ReferenceSeconds,
    double? Ratio,
    string Reference,
    string? ReferenceNote,
    MachineInfo Machine)
{
    public const string RatioDefinition = "reference_s / ours_s (above 1: faster than the reference)";

    public static SideBySideTiming Measured(double oursSeconds, double referenceSeconds, string reference) =>
        new(oursSeconds, referenceSeconds, oursSeconds > 0 ? referenceSeconds / oursSeconds : null, reference, null, MachineInfo.Current);

    public static SideBySideTiming Unmeasured(double oursSeconds, string reference, string why) =>
        new(oursSeconds, null, null, reference, $"no ratio measured: {why}", MachineInfo.Current);

    /// <summary>One line for people: ours, the reference's and the ratio, or why there is no ratio.</summary>
    public string Describe(string unit = "s", double scale = 1) => Ratio is { } ratio
        ? FormattableString.Invariant($"ours {OursSeconds * scale:G4} {unit}, {Reference} {ReferenceSeconds!.Value * scale:G4} {unit} in the same run: ×{ratio:F2} ({Machine})")
        : FormattableString.Invariant($"ours {OursSeconds * scale:G4} {unit}; {ReferenceNote} ({Machine})");
}
