using System.Text.Json.Serialization;
using MusicClustering.Client.Commands.Bench.SideBySide;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// What <c>cluster bench mfcc --json</c> prints. <c>ours_s</c>, <c>reference_s</c> (librosa through the harness, same
/// run, same clip, one thread), <c>ratio</c> = reference_s / ours_s and <c>machine</c> come first; then NWaves as a
/// peer, the stage breakdown and the floor (FLOPs and bytes per clip, fraction of the core's peak).
/// </summary>
public sealed record MfccBenchReport(
    [property: JsonPropertyName("ours_s")] double OursSeconds,
    [property: JsonPropertyName("reference_s")] double? ReferenceSeconds,
    [property: JsonPropertyName("ratio")] double? Ratio,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("reference_note")] string? ReferenceNote,
    [property: JsonPropertyName("machine")] MachineInfo Machine,
    [property: JsonPropertyName("nwaves_s")] double NWavesSeconds,
    [property: JsonPropertyName("ratio_vs_nwaves")] double RatioVsNWaves,
    [property: JsonPropertyName("stages_ms")] IReadOnlyDictionary<string, double> StagesMs,
    [property: JsonPropertyName("repeats")] int Repeats,
    [property: JsonPropertyName("frames")] int Frames,
    [property: JsonPropertyName("simd_lanes")] int SimdLanes,
    [property: JsonPropertyName("floor")] WorkFloor Floor,
    [property: JsonPropertyName("load_average")] string LoadAverage)
{
    public static MfccBenchReport From(SideBySideTiming timing, double nwaves, IReadOnlyDictionary<string, double> stages, int repeats, int frames, int lanes, WorkFloor floor) =>
        new(timing.OursSeconds, timing.ReferenceSeconds, timing.Ratio, timing.Reference, timing.ReferenceNote, timing.Machine,
            nwaves, nwaves / timing.OursSeconds, stages, repeats, frames, lanes, floor, Bench.LoadAverage.Read());
}

/// <summary>The arithmetic of one clip and how much of the core's peak the measured time reached.</summary>
public sealed record WorkFloor(
    [property: JsonPropertyName("gflop_per_clip")] double GflopPerClip,
    [property: JsonPropertyName("flops_per_frame")] IReadOnlyDictionary<string, double> FlopsPerFrame,
    [property: JsonPropertyName("bytes_per_clip")] long BytesPerClip,
    [property: JsonPropertyName("peak")] CorePeak? Peak,
    [property: JsonPropertyName("fraction_of_peak")] double? FractionOfPeak,
    [property: JsonPropertyName("floor_ms")] double? FloorMs);

/// <summary>/proc/loadavg beside a timing: the machine is shared, and timings mean little without it.</summary>
public static class LoadAverage
{
    public static string Read()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
