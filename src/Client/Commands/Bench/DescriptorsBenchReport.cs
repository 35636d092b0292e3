using System.Text.Json.Serialization;
using MusicClustering.Client.Commands.Bench.SideBySide;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// What <c>cluster bench descriptors --json</c> prints: the whole set (HPSS included) against librosa computing the same
/// set in the same run (<c>ours_s</c>, <c>reference_s</c>, <c>ratio</c>, <c>machine</c>), then the set without HPSS, the
/// MFCC alone and their ratio (target ≤ 2), HPSS alone, and our stages.
/// </summary>
public sealed record DescriptorsBenchReport(
    [property: JsonPropertyName("ours_s")] double OursSeconds,
    [property: JsonPropertyName("reference_s")] double? ReferenceSeconds,
    [property: JsonPropertyName("ratio")] double? Ratio,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("reference_note")] string? ReferenceNote,
    [property: JsonPropertyName("machine")] MachineInfo Machine,
    [property: JsonPropertyName("without_hpss")] SideBySideTiming WithoutHpss,
    [property: JsonPropertyName("hpss")] SideBySideTiming Hpss,
    [property: JsonPropertyName("mfcc_only_s")] double MfccOnlySeconds,
    [property: JsonPropertyName("without_hpss_over_mfcc")] double WithoutHpssOverMfcc,
    [property: JsonPropertyName("stages_ms")] IReadOnlyDictionary<string, double> StagesMs,
    [property: JsonPropertyName("reference_stages_s")] IReadOnlyDictionary<string, double>? ReferenceStages,
    [property: JsonPropertyName("repeats")] int Repeats,
    [property: JsonPropertyName("frames")] int Frames,
    [property: JsonPropertyName("load_average")] string LoadAverage);
