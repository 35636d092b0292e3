using System.CommandLine;
using MusicClustering.Client.Errors;
using MusicClustering.Client.Output;
using MusicClustering.Contracts;
using MusicClustering.Grains.Experiments;
using MusicClustering.Silo.Telemetry;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary><c>cluster submit</c>: starts an experiment and prints its id, or with <c>--wait</c> its results.</summary>
public static class SubmitCommand
{
    public static Command Create()
    {
        var specOptions = new SpecOptions();
        var id = new Option<string?>("--id") { Description = "Experiment id (default: generated from the name and time). A known id with another spec or dataset version is refused." };
        var reuse = new Option<bool>("--reuse") { Description = "Derive the id from the spec and the dataset's version: the same spec on the same data returns the earlier run's results." };
        var wait = new Option<bool>("--wait") { Description = "Block until the experiment ends and print its results." };
        var json = new Option<bool>("--json") { Description = "With --wait, print results.json to stdout." };
        var command = new Command("submit", "Start an experiment: features, representations, clustering, metrics, report.") { id, reuse, wait, json };
        specOptions.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var spec = specOptions.Build(parseResult);
            var explicitId = parseResult.GetValue(id) is { } given ? Names.ExperimentId(given) : null;
            Names.Dataset(spec.Dataset);
            var onnxModel = OnnxModelUpload.Prepare(spec);
            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            if (onnxModel is not null)
            {
                spec = await onnxModel.UploadAsync(session.Store, spec, cancellationToken);
            }

            var experimentId = explicitId ?? await DefaultIdAsync(session, spec, parseResult.GetValue(reuse), cancellationToken);
            using var trace = TelemetrySetup.StartCommand("submit", experimentId);
            var experiment = session.Client.GetGrain<IExperimentGrain>(experimentId);
            var started = await experiment.StartAsync(spec, cancellationToken);
            if (started.IsFinished)
            {
                CliContext.Status.MarkupLine($"[grey]experiment {Markup.Escape(experimentId)} already ran this spec on this version of the dataset: its stored results[/]");
            }

            var shouldWait = parseResult.GetValue(wait);
            if (!shouldWait && session.IsEmbedded && !started.IsFinished)
            {
                // The embedded silo lives only as long as this process, so leaving now would abandon the run.
                CliContext.Status.MarkupLine("[grey]embedded mode runs the experiment in this process: waiting for it[/]");
                shouldWait = true;
            }

            if (!shouldWait)
            {
                Console.WriteLine(experimentId);
                return ExitCodes.Ok;
            }

            CliContext.Status.MarkupLine($"experiment [bold]{Markup.Escape(experimentId)}[/] (cancel it with: cluster cancel {Markup.Escape(experimentId)})");
            var status = started.IsFinished ? started : await ExperimentFollower.FollowAsync(CliContext.Status, experiment, cancellationToken);
            return await ResultsCommand.PrintAsync(session.Store, status, parseResult.GetValue(json), cancellationToken);
        });
        return command;
    }

    /// <summary>With --reuse, the id of this spec on the dataset's current version; otherwise a new id.</summary>
    private static async Task<string> DefaultIdAsync(Connection.ClusterSession session, ExperimentSpec spec, bool reuse, CancellationToken cancellationToken)
    {
        if (!reuse)
        {
            return ExperimentIds.New(spec.Name);
        }

        var dataset = await CurrentDataset.ReadAsync(session.Client, session.Store, spec.Dataset, cancellationToken)
            ?? throw CurrentDataset.Missing(spec.Dataset);
        return ExperimentIds.ForSpec(spec, dataset.Version);
    }
}
