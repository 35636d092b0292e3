using System.CommandLine;
using MusicClustering.Client.Output;
using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary><c>cluster watch ID</c>: a live progress bar until the experiment ends.</summary>
public static class WatchCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Experiment id." };
        var command = new Command("watch", "Follow an experiment's progress.") { id };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var experimentId = parseResult.GetValue(id)!;
            var experiment = session.Client.GetGrain<IExperimentGrain>(experimentId);
            if (await experiment.GetStatusAsync(cancellationToken) is null)
            {
                return ResultsCommand.NotFound(experimentId);
            }

            var status = await ExperimentFollower.FollowAsync(CliContext.Status, experiment, cancellationToken);
            CliContext.Status.MarkupLine(status.Stage == ExperimentStage.Done
                ? $"[green]done[/]: cluster results {Markup.Escape(status.Id)}"
                : $"[red]failed[/]: {Markup.Escape(status.Error ?? "")}");
            return status.Stage == ExperimentStage.Done ? 0 : 1;
        });
        return command;
    }
}
