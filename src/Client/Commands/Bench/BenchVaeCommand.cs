using System.CommandLine;
using System.Globalization;
using MusicClustering.Client.Commands.Bench.SideBySide;
using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using MusicClustering.Learning;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// <c>cluster bench vae</c>: median epoch time of the reference VAE (cols→512→256→16, batch 32) trained with
/// TorchSharp, beside PyTorch training the same model on the same table in the same run, both with <c>--threads</c>
/// intra-op threads (default one).
/// </summary>
public static class BenchVaeCommand
{
    private const string ReferenceName = "PyTorch (vae_ref.py)";
    private const int MaxThreads = 64;

    public static Command Create()
    {
        var csv = new Option<string>("--csv") { Description = "Feature table; non-numeric columns (ids, labels) are ignored.", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Epochs to time (both sides).", DefaultValueFactory = _ => 50 };
        var reference = ReferenceOption.Create();
        var threads = new Option<int>("--threads") { Description = "Torch intra-op threads on each side.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON to stdout." };
        var command = new Command("vae", "Time VAE training epochs on a CSV beside PyTorch on the same machine.") { csv, epochs, threads, reference, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var epochCount = parseResult.GetValue(epochs);
            var threadCount = parseResult.GetValue(threads);
            if (epochCount < 1 || threadCount is < 1 or > MaxThreads)
            {
                throw new UserErrorException($"--epochs must be at least 1 and --threads between 1 and {MaxThreads}");
            }

            var path = parseResult.GetValue(csv)!;
            if (!File.Exists(path))
            {
                throw new UserErrorException($"{path} does not exist");
            }

            var harness = ReferenceHarness.Locate(parseResult.GetValue(reference), out var whyNot);
            var report = await RunAsync(NumericCsv.Read(path), path, epochCount, threadCount, harness, whyNot, cancellationToken);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(ResultsJson.Serialize(report));
            }
            else
            {
                CliContext.Status.MarkupLine(Markup.Escape(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{report.Rows}×{report.Columns} on {report.Device}, median epoch over {report.Epochs}: {report.Timing.Describe()}")));
            }

            return 0;
        });
        return command;
    }

    /// <summary>Times ours, then the reference on the same CSV (when the harness is usable), on <paramref name="threads"/> threads each.</summary>
    public static async Task<VaeBenchReport> RunAsync(
        NumericCsv table, string csvPath, int epochs, int threads, ReferenceHarness? harness, string whyNot, CancellationToken cancellationToken)
    {
        var columns = table.Columns.Count;
        var ours = VaeBenchmark.Run(table.Data, table.Rows, columns, epochs, threads);
        var timing = harness is null
            ? SideBySideTiming.Unmeasured(ours.MedianEpochSeconds, ReferenceName, whyNot)
            : await TimeReferenceAsync(harness, csvPath, epochs, threads, ours.MedianEpochSeconds, cancellationToken);
        return new VaeBenchReport(timing, ours.EpochSeconds.Count, table.Rows, columns, ours.Device, threads);
    }

    private static async Task<SideBySideTiming> TimeReferenceAsync(
        ReferenceHarness harness, string csvPath, int epochs, int threads, double oursSeconds, CancellationToken cancellationToken)
    {
        try
        {
            string[] arguments = [Path.GetFullPath(csvPath), "--latent", "16", "--hidden", "512,256", "--batch", "32",
                "--epochs", epochs.ToString(CultureInfo.InvariantCulture), "--threads", threads.ToString(CultureInfo.InvariantCulture), "--output"];
            using var result = await harness.RunToJsonFileAsync("vae_ref.py", arguments, [], threads, cancellationToken);
            var median = result.RootElement.GetProperty("timing").GetProperty("epoch_median_s").GetDouble();
            return SideBySideTiming.Measured(oursSeconds, median, ReferenceName);
        }
        catch (ReferenceHarnessException ex)
        {
            return SideBySideTiming.Unmeasured(oursSeconds, ReferenceName, ex.Message);
        }
    }
}
