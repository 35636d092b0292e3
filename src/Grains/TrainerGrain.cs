using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using MusicClustering.Contracts;
using MusicClustering.Grains.Diagnostics;
using MusicClustering.Grains.Placement;
using MusicClustering.Grains.Training;
using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Grains;

/// <summary>
/// Trains a VAE on a matrix blob, preferring a GPU silo. The request and periodic checkpoints live in blob storage,
/// so an activation that finds an unfinished run (its silo died, or it was deactivated) resumes it from the last
/// checkpoint. The work itself is in <see cref="TrainingRun"/>; the grain holds the status.
/// </summary>
[PreferGpuSiloPlacementFilter]
public sealed class TrainerGrain(
    ArtifactStore store,
    ComputeSettings compute,
    ILocalSiloDetails silo,
    ILogger<TrainerGrain> logger) : Grain, ITrainerGrain
{
    private readonly CancellationTokenSource _deactivating = new();
    private TrainingRunStore _runs = null!;
    private TrainingStatus _status = TrainingStatus.NotStarted;
    private TrainingRun? _run;
    private Task? _running;

    private string RunId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _runs = new TrainingRunStore(store, new TrainingBlobs(RunId), logger);
        _status = _status with { Silo = SiloIdentity.Describe(silo) };
        if (await _runs.LoadOutcomeAsync(cancellationToken) is { } finished)
        {
            _status = finished;
        }
        else if (await _runs.LoadRequestAsync(cancellationToken) is { } unfinished)
        {
            var checkpoint = await _runs.LoadCheckpointAsync(cancellationToken);
            logger.LogInformation("Resuming training run {RunId} from epoch {Epoch}", RunId, checkpoint?.Epoch ?? 0);
            Start(unfinished, checkpoint);
        }
    }

    public async Task StartAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        if (_running is not null || _status.State is TrainingState.Completed or TrainingState.Failed)
        {
            return;
        }

        await _runs.BeginAsync(request, cancellationToken);
        Start(request, resumeFrom: null);
    }

    public Task<TrainingStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_run is not null && _status.State == TrainingState.Running ? _run.Describe(_status) : _status);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Stop at the next batch; the request and newest checkpoint stay in storage for the next activation.
        await _deactivating.CancelAsync();
        if (_running is not null)
        {
            await _running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }
    }

    private void Start(TrainingRequest request, VaeCheckpoint? resumeFrom)
    {
        var resumed = resumeFrom?.Epoch ?? 0;
        _status = _status with
        {
            State = TrainingState.Running,
            Epoch = resumed,
            TotalEpochs = request.Epochs,
            Device = "cpu",
            ResumedFromEpoch = resumed,
            CheckpointEpoch = resumed,
        };
        _run = new TrainingRun(store, _runs, compute, logger);
        _running = RunAsync(_run, request, resumeFrom);
    }

    private async Task RunAsync(TrainingRun run, TrainingRequest request, VaeCheckpoint? resumeFrom)
    {
        // Training can outlast the idle-collection age; the grain must stay to report and store the result.
        DelayDeactivation(TimeSpan.FromHours(6));
        var siloName = SiloIdentity.Describe(silo);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _status = await run.RunAsync(
                    request, resumeFrom, _status, progress => GrainTelemetry.RecordingEpochs(progress, RunId, siloName), _deactivating.Token);
                break;
            }
            catch (OperationCanceledException) when (_deactivating.IsCancellationRequested)
            {
                logger.LogInformation("Training run {RunId} paused by deactivation; the next activation resumes it", RunId);
                return;
            }
            catch (ExternalException ex) when (attempt == 1)
            {
                // A native torch error seen once under heavy load; resuming from the last checkpoint is deterministic,
                // so one more attempt costs at most the epochs since that checkpoint.
                logger.LogWarning(ex, "Training run {RunId} failed in native code; retrying once from the last checkpoint", RunId);
                resumeFrom = await _runs.LoadCheckpointAsync(CancellationToken.None) ?? resumeFrom;
                run = _run = new TrainingRun(store, _runs, compute, logger);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Training run {RunId} failed", RunId);
                _status = run.Describe(_status) with { State = TrainingState.Failed, Error = ex.Message };
                break;
            }
        }

        try
        {
            await _runs.SaveOutcomeAsync(_status, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // This activation still reports the outcome; a later one would retrain, which is safe, only slower.
            logger.LogWarning(ex, "Could not store the outcome of training run {RunId}", RunId);
        }
    }
}
