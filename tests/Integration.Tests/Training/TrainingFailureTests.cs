using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Training;

[Collection(GpuClusterCollection.Name)]
public sealed class TrainingFailureTests(GpuClusterFixture fixture)
{
    [Fact]
    public async Task A_failed_run_stays_failed_with_its_reason_across_activations()
    {
        var missing = new BlobRef(BlobContainers.Experiments, BlobNames.Experiment($"no-such-run-{Guid.NewGuid():N}", "matrix.f32"));
        var trainer = fixture.Client.GetGrain<ITrainerGrain>($"failing-{Guid.NewGuid():N}");

        await trainer.StartAsync(new TrainingRequest(missing, 4, [16], 1, 3, 32, 1e-3, 0));
        var failed = await TrainingScenario.WaitAsync(trainer, s => s.State != TrainingState.Running);
        await fixture.Cluster.DeactivateAsync(trainer);
        var reloaded = await trainer.GetStatusAsync();

        Assert.Equal(TrainingState.Failed, failed.State);
        Assert.Contains(missing.Name, failed.Error);
        Assert.Equal(TrainingState.Failed, reloaded.State);
        Assert.Equal(failed.Error, reloaded.Error);
        Assert.True(double.IsNaN(reloaded.Loss), "no epoch ran, so there is no loss");
        Assert.Null(reloaded.Latents);
    }
}
