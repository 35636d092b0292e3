using System.CommandLine;
using System.Globalization;
using MusicClustering.Contracts;
using MusicClustering.Learning;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Bench;

/// <summary><c>cluster bench vae</c>: median epoch time of the reference VAE (cols→512→256→16, batch 32, one torch thread).</summary>
public static class BenchVaeCommand
{
    public static Command Create()
    {
        var csv = new Option<string>("--csv") { Description = "Feature table; non-numeric columns (ids, labels) are ignored.", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Epochs to time.", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON to stdout." };
        var command = new Command("vae", "Time VAE training epochs on a CSV and compare with PyTorch.") { csv, epochs, json };
        command.SetAction(parseResult =>
        {
            var epochCount = parseResult.GetValue(epochs);
            if (epochCount < 1)
            {
                CliContext.Status.MarkupLine("[red]--epochs must be at least 1[/]");
                return 2;
            }

            var table = NumericCsv.Read(parseResult.GetValue(csv)!);
            var report = Run(table, epochCount);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(ResultsJson.Serialize(report));
            }
            else
            {
                CliContext.Status.MarkupLine(Markup.Escape(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{report.Rows}×{report.Columns} on {report.Device}: median epoch {report.EpochMedianSeconds:F4} s over {report.Epochs} epochs; PyTorch {report.ReferenceEpochSeconds} s (×{report.RatioToPytorch:F2})")));
            }

            return 0;
        });
        return command;
    }

    public static VaeBenchReport Run(NumericCsv table, int epochs)
    {
        var columns = table.Columns.Count;
        var result = VaeBenchmark.Run(table.Data, table.Rows, columns, epochs);
        return new VaeBenchReport(
            result.MedianEpochSeconds,
            result.EpochSeconds.Count,
            table.Rows,
            columns,
            result.Device,
            VaeBenchReport.PytorchEpochSeconds,
            result.MedianEpochSeconds / VaeBenchReport.PytorchEpochSeconds);
    }
}
