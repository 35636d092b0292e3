using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Training;

[Collection(GpuClusterCollection.Name)]
public sealed class TrainingOutcomeTests(GpuClusterFixture fixture)
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

    [Fact]
    public async Task A_zero_epoch_run_completes_with_an_untrained_model_and_all_outputs()
    {
        var name = $"zero-epochs-{Guid.NewGuid():N}";
        var matrix = new BlobRef(BlobContainers.Experiments, BlobNames.Experiment(name, "matrix.f32"));
        var data = Enumerable.Range(0, 20 * 3).Select(i => (float)Math.Sin(i)).ToArray();
        await fixture.Store.WriteMatrixAsync(matrix.Container, matrix.Name, data, 20, 3, CancellationToken.None);
        var trainer = fixture.Client.GetGrain<ITrainerGrain>(name);

        await trainer.StartAsync(new TrainingRequest(matrix, 2, [8], 1, 0, 32, 1e-3, 0));
        var status = await TrainingScenario.WaitAsync(trainer, s => s.State != TrainingState.Running);

        Assert.Equal(TrainingState.Completed, status.State);
        Assert.Equal(0, status.Epoch);
        Assert.True(double.IsNaN(status.Loss));
        var latents = await fixture.Store.ReadMatrixAsync(status.Latents!.Container, status.Latents.Name, CancellationToken.None);
        Assert.Equal((20, 2), (latents.Rows, latents.Cols));
        var diagnostics = await new TrainingScenario(fixture.Store).ReadDiagnosticsAsync(status);
        Assert.Empty(diagnostics.History);
        Assert.Equal(2, diagnostics.KlPerDimension.Count);
    }
}
