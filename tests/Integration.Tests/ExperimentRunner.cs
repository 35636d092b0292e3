using MusicClustering.Client.Output;
using MusicClustering.Contracts;
using MusicClustering.Experiments;

namespace MusicClustering.Integration.Tests;

/// <summary>Starts an experiment on the test cluster and waits for it, with a deadline.</summary>
public static class ExperimentRunner
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    public static async Task<ExperimentResults> RunAsync(ClusterFixture fixture, string id, ExperimentSpec spec)
    {
        var experiment = fixture.Client.GetGrain<IExperimentGrain>(id);
        await experiment.StartAsync(spec);
        var status = await WaitAsync(experiment);
        Assert.True(status.Stage == ExperimentStage.Done, $"experiment ended {status.Stage}: {status.Error}");
        var (_, results) = await ResultsReader.ReadAsync(fixture.Store, status.Results!, CancellationToken.None);
        return results;
    }

    public static async Task<ExperimentStatus> WaitAsync(IExperimentGrain experiment)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            var status = await experiment.GetStatusAsync(timeout.Token) ?? throw new InvalidOperationException($"experiment {experiment.GetPrimaryKeyString()} does not exist");
            if (status.IsFinished)
            {
                return status;
            }

            await Task.Delay(200, timeout.Token);
        }
    }
}
