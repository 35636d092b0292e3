using System.Text.Json.Serialization;
using MusicClustering.Client.Commands.Bench.SideBySide;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// What <c>cluster bench mfcc --json</c> prints. <c>ours_s</c>, <c>reference_s</c> (librosa through the harness, same
/// run, same clip, one thread), <c>ratio</c> = reference_s / ours_s and <c>machine</c> come first; then NWaves as a
/// peer, the stage breakdown and the floor (FLOPs and bytes per clip, fraction of the core's peak), and every round
/// (the figures above are the median round's).
/// </summary>
public sealed record MfccBenchReport(
    [property: JsonPropertyName("ours_s")] double OursSeconds,
    [property: JsonPropertyName("reference_s")] double? ReferenceSeconds,
    double? Ratio,
    string Reference,
    string? ReferenceNote,
    MachineInfo Machine,
    [property: JsonPropertyName("nwaves_s")] double NWavesSeconds,
    [property: JsonPropertyName("ratio_vs_nwaves")] double RatioVsNWaves,
    IReadOnlyDictionary<string, double> StagesMs,
    int Repeats,
    int Frames,
    int SimdLanes,
    WorkFloor Floor,
    string LoadAverage)
{
    /// <summary>Every round of ours then librosa, in order.</summary>
    public IReadOnlyList<SideBySideRound> Rounds { get; init; } = [];

    public static MfccBenchReport From(SideBySideTiming timing, double nwaves, IReadOnlyDictionary<string, double> stages, int repeats, int frames, int lanes, WorkFloor floor) =>
        new(timing.OursSeconds, timing.ReferenceSeconds, timing.Ratio, timing.Reference, timing.ReferenceNote, timing.Machine,
            nwaves, nwaves / timing.OursSeconds, stages, repeats, frames, lanes, floor, Bench.LoadAverage.Read());
}

/// <summary>The arithmetic of one clip and how much of the core's peak the measured time reached.</summary>
public sealed record WorkFloor(
    double GflopPerClip,
    IReadOnlyDictionary<string, double> FlopsPerFrame,
    long BytesPerClip,
    CorePeak? Peak,
    double? FractionOfPeak,
    double? FloorMs);

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
