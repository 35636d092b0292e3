using MusicClustering.Contracts;
using MusicClustering.Grains.Training;
using MusicClustering.Integration.Tests.Training;
using MusicClustering.Learning;

namespace MusicClustering.Integration.Tests.Patches;

/// <summary>Checkpoint, interruption (deactivation) and resume of a patch-model trainer through real blob storage.</summary>
[Collection(GpuClusterCollection.Name)]
public sealed class PatchTrainingResumeTests(GpuClusterFixture fixture)
{
    private const int Epochs = 12;

    [Fact]
    public async Task An_interrupted_contrastive_run_resumes_from_its_checkpoint_and_ends_as_an_uninterrupted_one()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var manifest = await SyntheticLogMel.StoreAsync(fixture.Store, $"patch-resume-{suffix}", SyntheticLogMel.Generate(9, 140, 200, 160, 300, 128, 180));
        var request = new TrainingRequest(
            manifest, LatentDim: 16, HiddenSizes: [], Beta: 1, Epochs, BatchSize: 32, LearningRate: 1e-3, Seed: 3, CheckpointEveryEpochs: 2)
        {
            Patches = new PatchTrainingRequest(PatchRepresentationModels.Contrastive, manifest),
        };
        var trainer = fixture.Client.GetGrain<ITrainerGrain>($"patch-resume-{suffix}");

        await trainer.StartAsync(request);
        await TrainingScenario.WaitAsync(trainer, s => s.Epoch >= 3 || s.State != TrainingState.Running);
        await fixture.Cluster.DeactivateAsync(trainer);
        var interrupted = await TrainingScenario.WaitAsync(trainer, s => s.State != TrainingState.Running);

        Assert.True(interrupted.State == TrainingState.Completed, interrupted.Error);
        Assert.InRange(interrupted.ResumedFromEpoch, 2, Epochs - 2);
        Assert.Equal(0, interrupted.ResumedFromEpoch % request.CheckpointEveryEpochs);
        Assert.Equal(Epochs, interrupted.Epoch);
        Assert.Equal(Epochs, interrupted.CheckpointEpoch);
        var checkpoint = PatchModelCheckpoint.FromBytes((await fixture.Store.DownloadAsync(new TrainingBlobs(trainer.GetPrimaryKeyString()).Checkpoint)).ToArray());
        Assert.Equal(Epochs, checkpoint.Epoch);
        Assert.Equal(Enumerable.Range(1, Epochs), checkpoint.History.Select(h => h.Epoch));

        // Resumed CPU training is bit-identical to a run straight through.
        var straight = fixture.Client.GetGrain<ITrainerGrain>($"patch-straight-{suffix}");
        await straight.StartAsync(request);
        var uninterrupted = await TrainingScenario.WaitAsync(straight, s => s.State != TrainingState.Running);
        Assert.True(uninterrupted.State == TrainingState.Completed, uninterrupted.Error);
        Assert.Equal(0, uninterrupted.ResumedFromEpoch);
        // Patch models train where the VAE does: on the silo that advertises a GPU (the CPU there, without CUDA).
        var gpu = fixture.GpuSilo;
        Assert.All(new[] { interrupted, uninterrupted }, s => Assert.Equal($"{gpu.Name}@{gpu.SiloAddress.Endpoint}", s.Silo));
        Assert.Equal("cpu", uninterrupted.Device);
        Assert.Equal(uninterrupted.Loss, interrupted.Loss);
        var latents = await fixture.Store.ReadMatrixAsync(interrupted.Latents!);
        Assert.Equal((6, 64), (latents.Rows, latents.Cols));
        Assert.Equal((await fixture.Store.DownloadAsync(uninterrupted.Latents!)).ToArray(), (await fixture.Store.DownloadAsync(interrupted.Latents!)).ToArray());
    }
}
