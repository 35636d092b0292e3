using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MusicClustering.Audio;
using MusicClustering.Client.Commands.Bench.SideBySide;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// <c>cluster bench descriptors</c>: every descriptor of a 30 s clip on one core, ours against librosa computing the
/// same set (<c>tests/Reference/scripts/descriptors_bench.py</c> through the harness, same run, same clip, one thread),
/// with HPSS measured on its own as well.
/// </summary>
public static class BenchDescriptorsCommand
{
    private const string Script = "descriptors_bench.py";

    public static Command Create() => ClipBenchCommand.Create<DescriptorsBenchReport>(
        "descriptors", "Time all descriptors of a 30 s clip beside librosa computing the same set.", 10, "Timed runs after warm-up (medians are reported).",
        (repeats, _, clip, reference, cancellationToken) => RunAsync(repeats, clip, reference, cancellationToken),
        report =>
        {
            var all = report.Ratio is { } r
                ? FormattableString.Invariant($", librosa {report.ReferenceSeconds * 1000:F0} ms, ×{r:F1}")
                : $"; {report.ReferenceNote}";
            return FormattableString.Invariant(
                $"HPSS: {report.Hpss.Describe("ms", 1000)}; without HPSS: {report.WithoutHpss.Describe("ms", 1000)}, {report.WithoutHpssOverMfcc:F2}× the MFCC alone; all: ours {report.OursSeconds * 1000:F1} ms{all}; load {report.LoadAverage}");
        });

    public static async Task<DescriptorsBenchReport> RunAsync(int repeats, string? clipPath, string? referenceDirectory, CancellationToken cancellationToken)
    {
        using var clip = BenchClip.Create(clipPath);
        var ours = DescriptorBenchmark.Run(repeats, clip.Samples, new MfccOptions());
        var (all, without, hpss, stages) = await LibrosaAsync(clip.Path, repeats, ours, referenceDirectory, cancellationToken);
        return new DescriptorsBenchReport(
            all.OursSeconds, all.ReferenceSeconds, all.Ratio, all.Reference, all.ReferenceNote, all.Machine,
            without, hpss, ours.MfccMs / 1000, ours.OverMfcc, ours.StagesMs, stages, repeats, ours.Frames, LoadAverage.Read());
    }

    private static async Task<(SideBySideTiming All, SideBySideTiming Without, SideBySideTiming Hpss, IReadOnlyDictionary<string, double>? Stages)> LibrosaAsync(
        string clip, int repeats, DescriptorBenchmarkResult ours, string? directory, CancellationToken cancellationToken)
    {
        const string name = "librosa 0.11, descriptors_ref.py's set (one thread)";
        var harness = ReferenceHarness.Locate(directory, out var whyNot);
        var script = ReferenceHarness.RepositoryScript(Script);
        if (harness is null || script is null)
        {
            var why = harness is null ? whyNot : $"tests/Reference/scripts/{Script} was not found beside the repository";
            return (Unmeasured(ours.AllMs), Unmeasured(ours.WithoutHpssMs), Unmeasured(ours.HpssMs), null);

            SideBySideTiming Unmeasured(double ms) => SideBySideTiming.Unmeasured(ms / 1000, name, why);
        }

        try
        {
            using var result = await harness.RunToJsonFileAsync(script, [clip], ["--repeat", repeats.ToString(CultureInfo.InvariantCulture)], threads: 1, cancellationToken);
            var root = result.RootElement;
            var stages = root.GetProperty("stages_s").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            return (
                SideBySideTiming.Measured(ours.AllMs / 1000, root.GetProperty("all_s").GetDouble(), name),
                SideBySideTiming.Measured(ours.WithoutHpssMs / 1000, root.GetProperty("without_hpss_s").GetDouble(), name + " without hpss"),
                SideBySideTiming.Measured(ours.HpssMs / 1000, root.GetProperty("hpss_s").GetDouble(), "librosa.effects.hpss"),
                stages);
        }
        catch (Exception ex) when (ex is ReferenceHarnessException or JsonException or KeyNotFoundException)
        {
            return (SideBySideTiming.Unmeasured(ours.AllMs / 1000, name, ex.Message), SideBySideTiming.Unmeasured(ours.WithoutHpssMs / 1000, name, ex.Message),
                SideBySideTiming.Unmeasured(ours.HpssMs / 1000, name, ex.Message), null);
        }
    }
}
