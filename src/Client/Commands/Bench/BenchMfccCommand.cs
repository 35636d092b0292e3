using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MusicClustering.Audio;
using MusicClustering.Client.Commands.Bench.SideBySide;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// <c>cluster bench mfcc</c>: MFCC of a 30 s clip on one core, ours against librosa 0.11 (the reference harness, in the
/// same run, on the same clip, one thread) and NWaves 0.9.6, with the stage breakdown and the floor. It runs
/// <c>--rounds</c> rounds of ours then librosa and reports the round with the median ratio (<see cref="SideBySideRounds"/>).
/// </summary>
public static class BenchMfccCommand
{
    public static Command Create() => ClipBenchCommand.Create<MfccBenchReport>(
        "mfcc", "Time MFCC extraction of a 30 s clip beside librosa and NWaves.", 30, "Timed runs after warm-up (the median is reported).",
        RunAsync,
        defaultRounds: SideBySideRounds.DefaultRounds,
        describe: report => string.Create(
            CultureInfo.InvariantCulture,
            $"MFCC of {report.Frames} frames: ours {report.OursSeconds * 1000:F2} ms ({string.Join(", ", report.StagesMs.Select(s => $"{s.Key} {s.Value:F2}"))}); " +
            $"{(report.Ratio is { } r ? $"librosa {report.ReferenceSeconds * 1000:F1} ms, ×{r:F1}" : report.ReferenceNote)}; NWaves {report.NWavesSeconds * 1000:F1} ms (×{report.RatioVsNWaves:F1}); " +
            $"{report.Floor.FractionOfPeak:P0} of peak; load {report.LoadAverage}; " +
            $"rounds ×{string.Join(", ×", report.Rounds.Select(r => r.Ratio is { } x ? x.ToString("F1", CultureInfo.InvariantCulture) : "?"))}"));

    public static async Task<MfccBenchReport> RunAsync(int repeats, int rounds, string? clipPath, string? referenceDirectory, CancellationToken cancellationToken)
    {
        using var clip = BenchClip.Create(clipPath);
        var options = new MfccOptions();
        var measured = new List<(MfccBenchmarkResult Ours, SideBySideTiming Timing)>();
        for (var round = 0; round < rounds; round++)
        {
            var result = MfccBenchmark.Run(repeats, clip.Samples, options);
            measured.Add((result, await LibrosaAsync(clip.Path, repeats, result.MedianMsPerClip / 1000, referenceDirectory, cancellationToken)));
        }

        var (ours, timing) = measured[SideBySideRounds.MedianIndex([.. measured.Select(m => m.Timing)])];
        var oursSeconds = timing.OursSeconds;
        var nwaves = NWavesMfccPeer.MedianSeconds(clip.Samples, Math.Max(3, repeats / 3));
        var model = MfccWorkModel.For(options, clip.Samples.Length);
        var peak = CorePeak.Current;
        double? fraction = peak is null ? null : model.Flops / (oursSeconds * peak.Gflops * 1e9);
        double? floorMs = peak is null ? null : model.Flops / (peak.Gflops * 1e9) * 1000;
        var floor = new WorkFloor(model.Flops / 1e9, model.FlopsPerFrame, model.Bytes, peak, fraction, floorMs);
        return MfccBenchReport.From(timing, nwaves, ours.Stages, repeats, ours.Frames, ours.SimdLanes, floor) with
        {
            Rounds = [.. measured.Select(m => SideBySideRound.Of(m.Timing))],
        };
    }

    private static async Task<SideBySideTiming> LibrosaAsync(string clip, int repeats, double oursSeconds, string? directory, CancellationToken cancellationToken)
    {
        const string name = "librosa 0.11 feature.mfcc (one thread)";
        var harness = ReferenceHarness.Locate(directory, out var whyNot);
        if (harness is null)
        {
            return SideBySideTiming.Unmeasured(oursSeconds, name, whyNot);
        }

        try
        {
            using var result = await harness.RunToJsonFileAsync("mfcc_ref.py", [clip], ["--repeat", repeats.ToString(CultureInfo.InvariantCulture)], threads: 1, cancellationToken);
            var seconds = result.RootElement.GetProperty("timing").GetProperty("mfcc_median_s").GetDouble();
            return SideBySideTiming.Measured(oursSeconds, seconds, name);
        }
        catch (Exception ex) when (ex is ReferenceHarnessException or JsonException or KeyNotFoundException)
        {
            return SideBySideTiming.Unmeasured(oursSeconds, name, ex.Message);
        }
    }
}
