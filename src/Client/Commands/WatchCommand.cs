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
            var experiment = session.Client.GetGrain<IExperimentGrain>(Names.ExperimentId(parseResult.GetValue(id)!));
            var initial = await experiment.GetStatusAsync(cancellationToken);
            if (initial.Name.Length == 0)
            {
                throw ResultsCommand.NotFound(initial.Id);
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
