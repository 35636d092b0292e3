using System.Text.Json;
using MusicClustering.Contracts;
using MusicClustering.Grains.Training;
using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Training;

/// <summary>Checkpoint, interruption and resume of a trainer grain through real blob storage.</summary>
[Collection(GpuClusterCollection.Name)]
public sealed class TrainingResumeTests(GpuClusterFixture fixture)
{
    private const int Rows = 1000;
    private const int Columns = 32;
    private const int Epochs = 16;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task An_interrupted_run_resumes_from_its_checkpoint_and_ends_as_an_uninterrupted_one()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var request = await RequestAsync($"resume-data-{suffix}");
        var interruptedId = $"resume-{suffix}";
        var trainer = fixture.Client.GetGrain<ITrainerGrain>(interruptedId);

        await trainer.StartAsync(request);
        await WaitAsync(trainer, s => s.Epoch >= 3 || s.State != TrainingState.Running);
        await fixture.Cluster.DeactivateAsync(trainer);
        var interrupted = await WaitAsync(trainer, s => s.State != TrainingState.Running);

        Assert.Equal(TrainingState.Completed, interrupted.State);
        Assert.InRange(interrupted.ResumedFromEpoch, 2, Epochs - 2);
        Assert.Equal(0, interrupted.ResumedFromEpoch % request.CheckpointEveryEpochs);
        Assert.Equal(Epochs, interrupted.Epoch);
        Assert.Equal(Epochs, interrupted.CheckpointEpoch);
        Assert.Equal(TorchDevices.Preferred(allowCuda: true), interrupted.Device);
        Assert.Equal($"{fixture.GpuSilo.Name}@{fixture.GpuSilo.SiloAddress.Endpoint}", interrupted.Silo);

        // The history spans every epoch (the checkpoint's and the resumed ones), with the KL warm-up's β ramp.
        var diagnostics = await ReadDiagnosticsAsync(interrupted);
        Assert.Equal(interruptedId, diagnostics.RunId);
        Assert.Equal(interrupted.ResumedFromEpoch, diagnostics.ResumedFromEpoch);
        Assert.Equal(Enumerable.Range(1, Epochs), diagnostics.History.Select(h => h.Number));
        Assert.Equal([0.5, 1.0, 1.5, 2.0, 2.0], diagnostics.History.Take(5).Select(h => h.Beta));
        Assert.Equal(request.LatentDim, diagnostics.KlPerDimension.Count);
        Assert.InRange(diagnostics.ActiveUnits, 1, request.LatentDim);
        Assert.True(diagnostics.ReconstructionError is > 0 and < Columns, $"reconstruction error {diagnostics.ReconstructionError}");
        await AssertPngAsync(interrupted.LossCurve);
        await AssertPngAsync(interrupted.Traversal);
        var checkpoint = VaeCheckpoint.FromBytes((await Download(new TrainingBlobs(interruptedId).Checkpoint)).ToArray());
        Assert.Equal(Epochs, checkpoint.Epoch);

        // CPU training is bit-reproducible for a seed, also across a resume: the same request run straight through agrees.
        var straight = fixture.Client.GetGrain<ITrainerGrain>($"straight-{suffix}");
        await straight.StartAsync(request);
        var uninterrupted = await WaitAsync(straight, s => s.State != TrainingState.Running);
        Assert.Equal(TrainingState.Completed, uninterrupted.State);
        Assert.Equal(0, uninterrupted.ResumedFromEpoch);
        Assert.Equal(uninterrupted.Loss, interrupted.Loss);
        Assert.Equal((await Download(uninterrupted.Latents!)).ToArray(), (await Download(interrupted.Latents!)).ToArray());

        // A finished run stays finished: a new activation reads its outcome instead of training again.
        await fixture.Cluster.DeactivateAsync(trainer);
        var reloaded = await trainer.GetStatusAsync();
        Assert.Equal(TrainingState.Completed, reloaded.State);
        Assert.Equal(interrupted.Latents, reloaded.Latents);
        Assert.Equal(interrupted.Diagnostics, reloaded.Diagnostics);
        Assert.Equal(interrupted.Loss, reloaded.Loss);
    }

    private async Task<TrainingRequest> RequestAsync(string name)
    {
        var random = new Random(17);
        var data = new float[Rows * Columns];
        for (var i = 0; i < data.Length; i++)
        {
            // Two loose groups, so the VAE has structure to find.
            data[i] = (float)((random.NextDouble() * 2) - 1 + ((i / Columns) % 2 == 0 ? 1.5 : -1.5));
        }

        var matrix = new BlobRef(BlobContainers.Experiments, BlobNames.Experiment(name, "matrix.f32"));
        await fixture.Store.WriteMatrixAsync(matrix.Container, matrix.Name, data, Rows, Columns, CancellationToken.None);
        return new TrainingRequest(
            matrix, LatentDim: 8, HiddenSizes: [512, 256], Beta: 2, Epochs, BatchSize: 32, LearningRate: 1e-3, Seed: 5,
            CheckpointEveryEpochs: 2, KlWarmupEpochs: 4);
    }

    private static async Task<TrainingStatus> WaitAsync(ITrainerGrain trainer, Func<TrainingStatus, bool> done)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            var status = await trainer.GetStatusAsync(timeout.Token);
            if (done(status))
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    private async Task<DiagnosticsDocument> ReadDiagnosticsAsync(TrainingStatus status)
    {
        Assert.NotNull(status.Diagnostics);
        var json = await Download(status.Diagnostics);
        return JsonSerializer.Deserialize<DiagnosticsDocument>(json.ToString(), ResultsJson.Options)!;
    }

    private async Task AssertPngAsync(BlobRef? blob)
    {
        Assert.NotNull(blob);
        var bytes = (await Download(blob)).ToArray();
        Assert.True(bytes.Length > 1000, $"{blob} holds {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    private Task<BinaryData> Download(BlobRef blob) => fixture.Store.DownloadAsync(blob.Container, blob.Name, CancellationToken.None);
}
