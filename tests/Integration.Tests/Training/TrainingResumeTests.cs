using MusicClustering.Contracts;
using MusicClustering.Grains.Training;
using MusicClustering.Learning;

namespace MusicClustering.Integration.Tests.Training;

/// <summary>Checkpoint, interruption (deactivation) and resume of a trainer grain through real blob storage.</summary>
[Collection(GpuClusterCollection.Name)]
public sealed class TrainingResumeTests(GpuClusterFixture fixture)
{
    private const int Epochs = TrainingScenario.Epochs;
    private readonly TrainingScenario _scenario = new(fixture.Store);

    [Fact]
    public async Task An_interrupted_run_resumes_from_its_checkpoint_and_ends_as_an_uninterrupted_one()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var request = await _scenario.RequestAsync($"resume-data-{suffix}");
        var interruptedId = $"resume-{suffix}";
        var trainer = fixture.Client.GetGrain<ITrainerGrain>(interruptedId);

        await trainer.StartAsync(request);
        await TrainingScenario.WaitAsync(trainer, s => s.Epoch >= 3 || s.State != TrainingState.Running);
        await fixture.Cluster.DeactivateAsync(trainer);
        var interrupted = await TrainingScenario.WaitAsync(trainer, s => s.State != TrainingState.Running);

        Assert.Equal(TrainingState.Completed, interrupted.State);
        Assert.InRange(interrupted.ResumedFromEpoch, 2, Epochs - 2);
        Assert.Equal(0, interrupted.ResumedFromEpoch % request.CheckpointEveryEpochs);
        Assert.Equal(Epochs, interrupted.Epoch);
        Assert.Equal(Epochs, interrupted.CheckpointEpoch);
        Assert.Equal(TorchDevices.Preferred(allowCuda: true), interrupted.Device);
        Assert.Equal($"{fixture.GpuSilo.Name}@{fixture.GpuSilo.SiloAddress.Endpoint}", interrupted.Silo);

        // The history spans every epoch (the checkpoint's and the resumed ones), with the KL warm-up's β ramp.
        var diagnostics = await _scenario.ReadDiagnosticsAsync(interrupted);
        Assert.Equal(interruptedId, diagnostics.RunId);
        Assert.Equal(interrupted.ResumedFromEpoch, diagnostics.ResumedFromEpoch);
        Assert.Equal(Enumerable.Range(1, Epochs), diagnostics.History.Select(h => h.Number));
        Assert.Equal([0.5, 1.0, 1.5, 2.0, 2.0], diagnostics.History.Take(5).Select(h => h.Beta));
        Assert.Equal(request.LatentDim, diagnostics.KlPerDimension.Count);
        Assert.InRange(diagnostics.ActiveUnits, 1, request.LatentDim);
        Assert.True(diagnostics.ReconstructionError is > 0 and < TrainingScenario.Columns, $"reconstruction error {diagnostics.ReconstructionError}");
        await _scenario.AssertPngAsync(interrupted.LossCurve);
        await _scenario.AssertPngAsync(interrupted.Traversal);
        var checkpoint = VaeCheckpoint.FromBytes((await _scenario.DownloadAsync(new TrainingBlobs(interruptedId).Checkpoint)).ToArray());
        Assert.Equal(Epochs, checkpoint.Epoch);

        // CPU training is bit-reproducible for a seed, also across a resume: the same request run straight through agrees.
        var straight = fixture.Client.GetGrain<ITrainerGrain>($"straight-{suffix}");
        await straight.StartAsync(request);
        var uninterrupted = await TrainingScenario.WaitAsync(straight, s => s.State != TrainingState.Running);
        Assert.Equal(TrainingState.Completed, uninterrupted.State);
        Assert.Equal(0, uninterrupted.ResumedFromEpoch);
        Assert.Equal(uninterrupted.Loss, interrupted.Loss);
        Assert.Equal((await _scenario.DownloadAsync(uninterrupted.Latents!)).ToArray(), (await _scenario.DownloadAsync(interrupted.Latents!)).ToArray());

        // A finished run stays finished: a new activation reads its outcome instead of training again.
        await fixture.Cluster.DeactivateAsync(trainer);
        var reloaded = await trainer.GetStatusAsync();
        Assert.Equal(TrainingState.Completed, reloaded.State);
        Assert.Equal(interrupted.Latents, reloaded.Latents);
        Assert.Equal(interrupted.Diagnostics, reloaded.Diagnostics);
        Assert.Equal(interrupted.Loss, reloaded.Loss);
    }
}
