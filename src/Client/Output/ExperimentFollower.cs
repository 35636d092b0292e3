using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Output;

/// <summary>Follows an experiment's status with a live progress bar until it finishes.</summary>
public static class ExperimentFollower
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static async Task<ExperimentStatus> FollowAsync(IAnsiConsole console, IExperimentGrain experiment, CancellationToken cancellationToken)
    {
        var status = await StatusAsync(experiment, cancellationToken);
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bars = new Dictionary<ExperimentStage, ProgressTask>();
                while (true)
                {
                    status = await StatusAsync(experiment, cancellationToken);
                    Render(context, bars, status);
                    if (status.IsFinished)
                    {
                        break;
                    }

                    await Task.Delay(PollInterval, cancellationToken);
                }
            });
        return status;
    }

    // Only followed after a start or a found status: an experiment does not disappear.
    private static async Task<ExperimentStatus> StatusAsync(IExperimentGrain experiment, CancellationToken cancellationToken) =>
        await experiment.GetStatusAsync(cancellationToken)
        ?? throw new InvalidOperationException($"experiment {experiment.GetPrimaryKeyString()} has no status");

    private static void Render(ProgressContext context, Dictionary<ExperimentStage, ProgressTask> bars, ExperimentStatus status)
    {
        if (status.Stage is ExperimentStage.Pending || status.IsFinished)
        {
            foreach (var bar in bars.Values)
            {
                bar.Value = bar.MaxValue;
                bar.StopTask();
            }

            return;
        }

        foreach (var (stage, bar) in bars.Where(b => b.Key != status.Stage))
        {
            bar.Value = bar.MaxValue;
            bar.StopTask();
        }

        if (!bars.TryGetValue(status.Stage, out var current))
        {
            current = context.AddTask(status.Stage.ToString(), maxValue: Math.Max(1, status.Total));
            bars[status.Stage] = current;
        }

        current.MaxValue = Math.Max(1, status.Total);
        current.Value = Math.Min(status.Done, current.MaxValue);
        current.Description = $"{status.Stage}: {Markup.Escape(status.Message)}";
    }
}
