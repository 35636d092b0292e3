using System.Text.Json;
using MusicClustering.Contracts;
using MusicClustering.Grains.Training;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Training;

/// <summary>A training request over a synthetic matrix in storage, and the polling and reading the tests share.</summary>
internal sealed class TrainingScenario(ArtifactStore store)
{
    public const int Rows = 1000;
    public const int Columns = 32;
    public const int Epochs = 16;

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    /// <summary>Sized so an epoch takes tens of milliseconds: slow enough to interrupt mid-run, quick enough to finish.</summary>
    public async Task<TrainingRequest> RequestAsync(string name)
    {
        var random = new Random(17);
        var data = new float[Rows * Columns];
        for (var i = 0; i < data.Length; i++)
        {
            // Two loose groups, so the VAE has structure to find.
            data[i] = (float)((random.NextDouble() * 2) - 1 + ((i / Columns) % 2 == 0 ? 1.5 : -1.5));
        }

        var matrix = new BlobRef(BlobContainers.Experiments, BlobNames.Experiment(name, "matrix.f32"));
        await store.WriteMatrixAsync(matrix.Container, matrix.Name, data, Rows, Columns, CancellationToken.None);
        return new TrainingRequest(
            matrix, LatentDim: 8, HiddenSizes: [512, 256], Beta: 2, Epochs, BatchSize: 32, LearningRate: 1e-3, Seed: 5,
            CheckpointEveryEpochs: 2, KlWarmupEpochs: 4);
    }

    /// <summary>Polls until <paramref name="done"/>; calls that fail while the cluster recovers from a lost silo are retried.</summary>
    public static async Task<TrainingStatus> WaitAsync(ITrainerGrain trainer, Func<TrainingStatus, bool> done, bool retryFailures = false)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            try
            {
                var status = await trainer.GetStatusAsync(timeout.Token);
                if (done(status))
                {
                    return status;
                }
            }
            catch (Exception) when (retryFailures && !timeout.IsCancellationRequested)
            {
                // The call went to the dead silo; the next one is placed anew once membership has caught up.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    public async Task<DiagnosticsDocument> ReadDiagnosticsAsync(TrainingStatus status)
    {
        Assert.NotNull(status.Diagnostics);
        var json = await DownloadAsync(status.Diagnostics);
        return JsonSerializer.Deserialize<DiagnosticsDocument>(json.ToString(), ResultsJson.Options)!;
    }

    public async Task AssertPngAsync(BlobRef? blob)
    {
        Assert.NotNull(blob);
        var bytes = (await DownloadAsync(blob)).ToArray();
        Assert.True(bytes.Length > 1000, $"{blob} holds {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    public Task<BinaryData> DownloadAsync(BlobRef blob) => store.DownloadAsync(blob.Container, blob.Name, CancellationToken.None);
}
