using System.CommandLine;
using MusicClustering.Client.Output;
using MusicClustering.Contracts;
using MusicClustering.Silo.Telemetry;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary><c>cluster submit</c>: starts an experiment and prints its id, or with <c>--wait</c> its results.</summary>
public static class SubmitCommand
{
    public static Command Create()
    {
        var specOptions = new SpecOptions();
        var id = new Option<string?>("--id") { Description = "Experiment id (default: generated from the name and time)." };
        var reuse = new Option<bool>("--reuse") { Description = "Derive the id from the spec: the same spec again returns the earlier run's results." };
        var wait = new Option<bool>("--wait") { Description = "Block until the experiment ends and print its results." };
        var json = new Option<bool>("--json") { Description = "With --wait, print results.json to stdout." };
        var command = new Command("submit", "Start an experiment: features, representations, clustering, metrics, report.") { id, reuse, wait, json };
        specOptions.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            ExperimentSpec spec;
            try
            {
                spec = specOptions.Build(parseResult);
            }
            catch (ArgumentException ex)
            {
                CliContext.Status.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
                return 2;
            }

            var experimentId = parseResult.GetValue(id)
                ?? (parseResult.GetValue(reuse) ? ExperimentIds.ForSpec(spec) : ExperimentIds.New(spec.Name));
            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            using var trace = TelemetrySetup.StartCommand("submit", experimentId);
            var experiment = session.Client.GetGrain<IExperimentGrain>(experimentId);
            try
            {
                await experiment.StartAsync(spec, cancellationToken);
            }
            catch (ArgumentException ex)
            {
                CliContext.Status.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
                return 2;
            }

            var shouldWait = parseResult.GetValue(wait);
            if (!shouldWait && session.IsEmbedded)
            {
                // The embedded silo lives only as long as this process, so leaving now would abandon the run.
                CliContext.Status.MarkupLine("[grey]embedded mode runs the experiment in this process: waiting for it[/]");
                shouldWait = true;
            }

            if (!shouldWait)
            {
                Console.WriteLine(experimentId);
                return 0;
            }

            CliContext.Status.MarkupLine($"experiment [bold]{Markup.Escape(experimentId)}[/]");
            var status = await ExperimentFollower.FollowAsync(CliContext.Status, experiment, cancellationToken);
            return await ResultsCommand.PrintAsync(session.Store, status, parseResult.GetValue(json), cancellationToken);
        });
        return command;
    }
}
