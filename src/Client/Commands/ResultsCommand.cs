using System.CommandLine;
using MusicClustering.Client.Commands.Library;
using MusicClustering.Client.Errors;
using MusicClustering.Client.Output;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Experiments.Library;
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
            var experimentId = Names.ExperimentId(parseResult.GetValue(id)!);
            var folder = parseResult.GetValue(output);
            if (folder is not null && File.Exists(folder))
            {
                throw new UserErrorException($"--out '{folder}' is a file; give a folder (it is created when missing).");
            }

            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var experiment = session.Client.GetGrain<IExperimentGrain>(experimentId);
            var status = await experiment.GetStatusAsync(cancellationToken) ?? throw NotFound(experimentId);
            var code = await PrintAsync(session.Store, status, parseResult.GetValue(json), cancellationToken);
            if (code == 0 && folder is not null)
            {
                var written = await ArtifactDownloader.DownloadAsync(session.Store, status.Results!, folder, cancellationToken);
                CliContext.Status.MarkupLine($"[green]wrote[/] {written.Count} files to {Markup.Escape(folder)}: {Markup.Escape(string.Join(", ", written))}");
            }

            return code;
        });
        return command;
    }

    public static async Task<int> PrintAsync(ArtifactStore store, ExperimentStatus status, bool json, CancellationToken cancellationToken)
    {
        if (status.Stage == ExperimentStage.Failed)
        {
            CliContext.Status.MarkupLine($"[red]experiment {Markup.Escape(status.Id)} failed[/]: {Markup.Escape(status.Error ?? "unknown error")}");
            return ExitCodes.Failed;
        }

        if (status.Stage == ExperimentStage.Cancelled)
        {
            CliContext.Status.MarkupLine($"[yellow]experiment {Markup.Escape(status.Id)} was {Markup.Escape(status.Message)}[/]");
            return ExitCodes.Failed;
        }

        if (status.Results is null)
        {
            CliContext.Status.MarkupLine($"experiment {Markup.Escape(status.Id)} is still {status.Stage}: {Markup.Escape(status.Message)}");
            return ExitCodes.StillRunning;
        }

        var (text, results) = await ResultsReader.ReadAsync(store, status.Results, cancellationToken);
        if (json)
        {
            Console.WriteLine(text);
        }
        else
        {
            ResultsView.Write(CliContext.Status, results);
            if (await LibraryStore.ReadAsync(store, new ExperimentBlobs(status.Id), cancellationToken) is { } library)
            {
                ClusterTables.Write(CliContext.Status, library.Index);
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>The one line for an id nothing was started under.</summary>
    public static UserErrorException NotFound(string id) =>
        new($"no experiment '{id}'; `cluster experiments` lists them");
}
