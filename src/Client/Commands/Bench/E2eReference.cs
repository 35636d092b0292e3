using System.Diagnostics;
using System.Globalization;
using MusicClustering.Client.Commands.Bench.SideBySide;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// The Python notebook pipeline (the harness's <c>pipeline_ref.py FOLDER --workers N --epochs E</c>) on the folder the
/// benchmark just ran on, in the same run: its own reported total (<c>stages_s.total</c>) and its stages.
/// </summary>
internal static class E2eReference
{
    public const string Name = "Python pipeline (pipeline_ref.py)";

    public static async Task<(SideBySideTiming Timing, IReadOnlyDictionary<string, double>? Stages)> RunAsync(
        ReferenceHarness? harness, string whyNot, string folder, int workers, int epochs, double oursSeconds, Action<string> log,
        CancellationToken cancellationToken)
    {
        if (harness is null)
        {
            return (SideBySideTiming.Unmeasured(oursSeconds, Name, whyNot), null);
        }

        try
        {
            var invariant = CultureInfo.InvariantCulture;
            string[] arguments = [Path.GetFullPath(folder), "--workers", workers.ToString(invariant), "--epochs", epochs.ToString(invariant)];
            var watch = Stopwatch.StartNew();
            // The pipeline pins one BLAS thread per MFCC worker itself; its sklearn stages use --workers threads.
            using var result = await harness.RunToJsonAsync("pipeline_ref.py", arguments, workers, cancellationToken);
            var stages = result.RootElement.GetProperty("stages_s").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            var total = stages["total"];
            var parts = string.Join(", ", stages.Where(s => s.Key != "total").Select(s => FormattableString.Invariant($"{s.Key} {s.Value:F2}")));
            log(FormattableString.Invariant(
                $"reference: {Name} --workers {workers}: total {total:F2} s ({watch.Elapsed.TotalSeconds:F2} s with interpreter start-up); {parts}"));
            return (SideBySideTiming.Measured(oursSeconds, total, Name), stages);
        }
        catch (ReferenceHarnessException ex)
        {
            return (SideBySideTiming.Unmeasured(oursSeconds, Name, ex.Message), null);
        }
    }
}
