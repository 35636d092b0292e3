using System.CommandLine;
using System.Globalization;
using MusicClustering.Client.Commands.Bench.SideBySide;
using MusicClustering.Contracts;
using MusicClustering.Learning;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// <c>cluster bench vae</c>: median epoch time of the reference VAE (cols→512→256→16, batch 32, one torch thread)
/// trained with TorchSharp, beside PyTorch training the same model on the same table in the same run.
/// </summary>
public static class BenchVaeCommand
{
    private const string ReferenceName = "PyTorch (vae_ref.py)";
    private const int Threads = 1;

    public static Command Create()
    {
        var csv = new Option<string>("--csv") { Description = "Feature table; non-numeric columns (ids, labels) are ignored.", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Epochs to time (both sides).", DefaultValueFactory = _ => 50 };
        var reference = ReferenceOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON to stdout." };
        var command = new Command("vae", "Time VAE training epochs on a CSV beside PyTorch on the same machine.") { csv, epochs, reference, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var epochCount = parseResult.GetValue(epochs);
            if (epochCount < 1)
            {
                CliContext.Status.MarkupLine("[red]--epochs must be at least 1[/]");
                return 2;
            }

            var path = parseResult.GetValue(csv)!;
            if (!File.Exists(path))
            {
                CliContext.Status.MarkupLine($"[red]{Markup.Escape(path)} does not exist[/]");
                return 2;
            }

            var harness = ReferenceHarness.Locate(parseResult.GetValue(reference), out var whyNot);
            var report = await RunAsync(NumericCsv.Read(path), path, epochCount, harness, whyNot, cancellationToken);
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

    /// <summary>Times ours, then the reference on the same CSV (when the harness is usable), one thread each.</summary>
    public static async Task<VaeBenchReport> RunAsync(
        NumericCsv table, string csvPath, int epochs, ReferenceHarness? harness, string whyNot, CancellationToken cancellationToken)
    {
        var columns = table.Columns.Count;
        var ours = VaeBenchmark.Run(table.Data, table.Rows, columns, epochs);
        var timing = harness is null
            ? SideBySideTiming.Unmeasured(ours.MedianEpochSeconds, ReferenceName, whyNot)
            : await TimeReferenceAsync(harness, csvPath, epochs, ours.MedianEpochSeconds, cancellationToken);
        return new VaeBenchReport(timing, ours.EpochSeconds.Count, table.Rows, columns, ours.Device, Threads);
    }

    private static async Task<SideBySideTiming> TimeReferenceAsync(
        ReferenceHarness harness, string csvPath, int epochs, double oursSeconds, CancellationToken cancellationToken)
    {
        try
        {
            string[] arguments = [Path.GetFullPath(csvPath), "--latent", "16", "--hidden", "512,256", "--batch", "32",
                "--epochs", epochs.ToString(CultureInfo.InvariantCulture), "--threads", Threads.ToString(CultureInfo.InvariantCulture), "--output"];
            using var result = await harness.RunToJsonFileAsync("vae_ref.py", arguments, [], Threads, cancellationToken);
            var median = result.RootElement.GetProperty("timing").GetProperty("epoch_median_s").GetDouble();
            return SideBySideTiming.Measured(oursSeconds, median, ReferenceName);
        }
        catch (ReferenceHarnessException ex)
        {
            return SideBySideTiming.Unmeasured(oursSeconds, ReferenceName, ex.Message);
        }
    }
}
