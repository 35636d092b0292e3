using System.CommandLine;
using MusicClustering.Client.Errors;
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
            var experimentId = Names.ExperimentId(parseResult.GetValue(id)!);
            var experiment = session.Client.GetGrain<IExperimentGrain>(experimentId);
            if (await experiment.GetStatusAsync(cancellationToken) is null)
            {
                throw ResultsCommand.NotFound(experimentId);
            }

            var status = await ExperimentFollower.FollowAsync(CliContext.Status, experiment, cancellationToken);
            CliContext.Status.MarkupLine(status.Stage switch
            {
                ExperimentStage.Done => $"[green]done[/]: cluster results {Markup.Escape(status.Id)}",
                ExperimentStage.Cancelled => $"[yellow]{Markup.Escape(status.Message)}[/]",
                _ => $"[red]failed[/]: {Markup.Escape(status.Error ?? "")}",
            });
            return status.Stage == ExperimentStage.Done ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
