using System.CommandLine;
using MusicClustering.Client.Output;
using MusicClustering.Contracts;
using MusicClustering.Storage;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary><c>cluster results ID [--json]</c>: a finished experiment's results.</summary>
public static class ResultsCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Experiment id." };
        var json = new Option<bool>("--json") { Description = "Print results.json to stdout." };
        var output = new Option<string?>("--out") { Description = "Also write results.json, report.html and the pictures into this folder." };
        var command = new Command("results", "Show an experiment's results.") { id, json, output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var experimentId = parseResult.GetValue(id)!;
            if (await session.Client.GetGrain<IExperimentGrain>(experimentId).GetStatusAsync(cancellationToken) is not { } status)
            {
                return NotFound(experimentId);
            }

            var code = await PrintAsync(session.Store, status, parseResult.GetValue(json), cancellationToken);
            if (code == 0 && parseResult.GetValue(output) is { } folder)
            {
                var written = await ArtifactDownloader.DownloadAsync(session.Store, status.Results!, folder, cancellationToken);
                CliContext.Status.MarkupLine($"[green]wrote[/] {written.Count} files to {Markup.Escape(folder)}: {Markup.Escape(string.Join(", ", written))}");
            }

            return code;
        });
        return command;
    }

    /// <summary>One clear line for an id no experiment has; exit code 2, like every other user mistake.</summary>
    public static int NotFound(string id)
    {
        CliContext.Status.MarkupLine($"[red]no experiment {Markup.Escape(id)}[/]");
        return 2;
    }

    public static async Task<int> PrintAsync(ArtifactStore store, ExperimentStatus status, bool json, CancellationToken cancellationToken)
    {
        if (status.Stage == ExperimentStage.Failed)
        {
            CliContext.Status.MarkupLine($"[red]experiment {Markup.Escape(status.Id)} failed[/]: {Markup.Escape(status.Error ?? "unknown error")}");
            return 1;
        }

        if (status.Results is null)
        {
            CliContext.Status.MarkupLine($"experiment {Markup.Escape(status.Id)} is still {status.Stage}: {Markup.Escape(status.Message)}");
            return 3;
        }

        var (text, results) = await ResultsReader.ReadAsync(store, status.Results, cancellationToken);
        if (json)
        {
            Console.WriteLine(text);
        }
        else
        {
            ResultsView.Write(CliContext.Output, results);
        }

        return 0;
    }
}
