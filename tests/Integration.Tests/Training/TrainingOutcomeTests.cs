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

    /// <summary>40k × 30 = 1.2M values, above <c>RowStreaming.ResidentFloats</c>: the grain streams the rows and the latents.</summary>
    [Fact]
    public async Task A_matrix_above_the_streaming_threshold_trains_streamed_and_stores_latents_in_row_order()
    {
        const int rows = 40_000, columns = 30;
        Assert.True((long)rows * columns > Learning.RowStreaming.Default.ResidentFloats);
        var name = $"streamed-{Guid.NewGuid():N}";
        var matrix = new BlobRef(BlobContainers.Experiments, BlobNames.Experiment(name, "matrix.f32"));
        var random = new Random(8);
        var data = Enumerable.Range(0, rows * columns).Select(i => (float)random.NextDouble() + ((i / columns) % 2 * 3)).ToArray();
        await fixture.Store.WriteMatrixAsync(matrix.Container, matrix.Name, data, rows, columns, CancellationToken.None);
        var trainer = fixture.Client.GetGrain<ITrainerGrain>(name);

        await trainer.StartAsync(new TrainingRequest(matrix, 2, [8], 1, 2, 256, 1e-3, 3));
        var status = await TrainingScenario.WaitAsync(trainer, s => s.State != TrainingState.Running);

        Assert.Equal(TrainingState.Completed, status.State);
        Assert.Equal(2, status.Epoch);
        var latents = await fixture.Store.ReadMatrixAsync(status.Latents!.Container, status.Latents.Name, CancellationToken.None);
        Assert.Equal((rows, 2), (latents.Rows, latents.Cols));
        var modelBytes = await fixture.Store.DownloadAsync(status.Model!, CancellationToken.None);
        using var model = Learning.VaeModelFile.Load(modelBytes.ToArray());
        var tail = data.AsSpan((rows - 500) * columns).ToArray();
        var expected = model.Encode(tail);
        var stored = latents.Data.AsSpan((rows - 500) * 2).ToArray();
        Assert.All(Enumerable.Range(0, expected.Length), i => Assert.Equal(expected[i], stored[i], 1e-4f));
        var diagnostics = await new TrainingScenario(fixture.Store).ReadDiagnosticsAsync(status);
        Assert.Equal(2, diagnostics.KlPerDimension.Count);
    }
}
