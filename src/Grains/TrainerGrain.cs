using Microsoft.Extensions.Logging;
using MusicClustering.Contracts;
using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Grains;

/// <summary>
/// Trains a VAE on a matrix blob and writes the model and the latent means back to blob storage.
/// Training runs on a dedicated thread; the grain only starts it, reports on it and stores its output.
/// </summary>
public sealed class TrainerGrain(
    ArtifactStore store,
    ComputeSettings compute,
    ILocalSiloDetails silo,
    ILogger<TrainerGrain> logger) : Grain, ITrainerGrain
{
    private readonly LatestValue<EpochProgress> _progress = new();
    private TrainingStatus _status = TrainingStatus.NotStarted;
    private Task? _run;

    public Task StartAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        if (_run is not null)
        {
            return Task.CompletedTask;
        }

        _status = _status with
        {
            State = TrainingState.Running,
            TotalEpochs = request.Epochs,
            Device = "cpu",
            Silo = SiloIdentity.Describe(silo),
        };
        _run = RunAsync(request);
        return Task.CompletedTask;
    }

    public Task<TrainingStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var latest = _progress.Value;
        var status = latest is null || _status.State != TrainingState.Running
            ? _status
            : _status with { Epoch = latest.Epoch, Loss = latest.Loss, Reconstruction = latest.Reconstruction, Kl = latest.Kl };
        return Task.FromResult(status);
    }

    private async Task RunAsync(TrainingRequest request)
    {
        var runId = this.GetPrimaryKeyString();
        try
        {
            // Training can outlast the idle-collection age; the grain must stay to report and store the result.
            DelayDeactivation(TimeSpan.FromHours(6));
            var matrix = await store.ReadMatrixAsync(request.Matrix.Container, request.Matrix.Name, CancellationToken.None);
            var options = new VaeOptions
            {
                HiddenSizes = request.HiddenSizes,
                LatentDim = request.LatentDim,
                Beta = request.Beta,
                Epochs = request.Epochs,
                BatchSize = request.BatchSize,
                LearningRate = request.LearningRate,
                Seed = request.Seed,
                TorchThreads = compute.TorchThreads,
            };
            var input = new VaeTrainingInput(matrix.Data, matrix.Rows, matrix.Cols);
            var result = await DedicatedThread.RunAsync($"vae-{runId}", () =>
            {
                TorchNativeLoader.EnsureLoaded();
                return new VaeTrainer().Train(input, options, _progress, CancellationToken.None);
            });

            var latents = new BlobRef(BlobContainers.Models, BlobNames.Model(runId, "latents.f32"));
            var model = new BlobRef(BlobContainers.Models, BlobNames.Model(runId, "model.bin"));
            await store.WriteMatrixAsync(latents.Container, latents.Name, result.LatentMeans, matrix.Rows, result.LatentDim, CancellationToken.None);
            await store.UploadAsync(model.Container, model.Name, BinaryData.FromBytes(result.ModelBytes), overwrite: true, CancellationToken.None);

            var last = result.History[^1];
            _status = _status with
            {
                State = TrainingState.Completed,
                Epoch = last.Epoch,
                Loss = last.Loss,
                Reconstruction = last.Reconstruction,
                Kl = last.Kl,
                Device = result.Device,
                Latents = latents,
                Model = model,
            };
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Training run {RunId} failed", runId);
            _status = _status with { State = TrainingState.Failed, Error = ex.Message };
        }
    }
}
