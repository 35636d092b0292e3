using System.CommandLine;
using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary>
/// <c>cluster cancel ID</c>: stops a run. The owner stops at once when the call reaches it, else at its next heartbeat
/// (an embedded run in another process); this command waits for the run to say so.
/// </summary>
public static class CancelCommand
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Experiment id." };
        var command = new Command("cancel", "Stop a running experiment (cached features and checkpoints stay).") { id };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var experimentId = Names.ExperimentId(parseResult.GetValue(id)!);
            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var experiment = session.Client.GetGrain<IExperimentGrain>(experimentId);
            var status = await experiment.CancelAsync(cancellationToken) ?? throw ResultsCommand.NotFound(experimentId);

            if (status.IsFinished && status.Stage != ExperimentStage.Cancelled)
            {
                CliContext.Status.MarkupLine($"experiment {Markup.Escape(experimentId)} had already finished ({status.Stage.ToString().ToLowerInvariant()}); nothing to cancel");
                return ExitCodes.Ok;
            }

            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(Patience);
            while (!status.IsFinished)
            {
                try
                {
                    await Task.Delay(PollInterval, patience.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    CliContext.Status.MarkupLine(
                        $"[yellow]asked experiment {Markup.Escape(experimentId)} to stop; its owner has not confirmed within {Patience.TotalSeconds:F0} s[/] (it stops at its next heartbeat)");
                    return ExitCodes.Failed;
                }

                status = await experiment.GetStatusAsync(cancellationToken) ?? status;
            }

            CliContext.Status.MarkupLine($"experiment {Markup.Escape(experimentId)}: {Markup.Escape(status.Message)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
