using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using MusicClustering.Contracts;
using MusicClustering.Grains.Diagnostics;
using MusicClustering.Grains.Ownership;
using MusicClustering.Grains.Placement;
using MusicClustering.Grains.Training;
using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Grains;

/// <summary>
/// Trains a VAE on a matrix blob, preferring a GPU silo. The request and periodic checkpoints live in blob storage,
/// and one activation owns the run through a claim blob it rewrites every heartbeat (<see cref="BlobClaim"/>). Another
/// activation of the same run (its silo died, or the directory briefly held two) follows the owner's progress, and
/// resumes the run from the last checkpoint only once the owner's silo is declared dead or its heartbeat lapses.
/// The work itself is in <see cref="TrainingRun"/>; the grain holds the status.
/// </summary>
[PreferGpuSiloPlacementFilter]
public sealed class TrainerGrain(
    ArtifactStore store,
    ComputeSettings compute,
    OwnershipSettings ownership,
    SiloLiveness liveness,
    ILocalSiloDetails silo,
    ILogger<TrainerGrain> logger) : Grain, ITrainerGrain
{
    private TrainingRunStore _runs = null!;
    private ClaimObserver _observer = null!;
    private TrainingStatus _status = TrainingStatus.NotStarted;
    private TrainingRequest? _request;
    private BlobClaim? _claim;
    private int _claims;
    private CancellationTokenSource _stop = new();
    private TrainingRun? _run;
    private Task? _running;
    private IGrainTimer? _timer;

    private string RunId => this.GetPrimaryKeyString();

    private string SiloName => SiloIdentity.Describe(silo);

    private bool IsFinished => _status.State is TrainingState.Completed or TrainingState.Failed;

    private BlobRef ClaimBlob => _runs.Blobs.Claim;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _runs = new TrainingRunStore(store, new TrainingBlobs(RunId), logger);
        _observer = new ClaimObserver(store, ClaimBlob.Container, ClaimBlob.Name, ownership.Lapse);
        _status = _status with { Silo = SiloName };
        // Every run begins by storing its request, so without one there is nothing to adopt, follow or resume.
        if ((_request = await _runs.LoadRequestAsync(cancellationToken)) is not null)
        {
            await FollowAsync(cancellationToken);
            if (!IsFinished)
            {
                StartTimer();
            }
        }
    }

    public async Task StartAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        if (_request is not null || IsFinished)
        {
            // The run exists already: this activation owns it, follows its owner, or holds its outcome.
            return;
        }

        var claim = await BlobClaim.TryCreateAsync(store, ClaimBlob.Container, ClaimBlob.Name, ClaimContent(1, 0), cancellationToken);
        _request = request;
        if (claim is null)
        {
            // Another activation of this run started it a moment ago: follow that one.
            await FollowAsync(cancellationToken);
        }
        else
        {
            await _runs.BeginAsync(request, cancellationToken);
            Lead(claim, 1, request, resumeFrom: null);
        }

        StartTimer();
    }

    public Task<TrainingStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_run is not null && _claim is not null && _status.State == TrainingState.Running ? _run.Describe(_status) : _status);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Stop at the next batch; the request and newest checkpoint stay in storage for the next activation.
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        // Release the claim (no owner) so the next activation resumes at once instead of waiting out the lapse.
        if (_claim is { } claim && !IsFinished)
        {
            logger.LogWarning("Training run {RunId}: deactivated ({Reason}) while training; releasing the run to the next activation", RunId, reason);
            var released = new TrainingClaim("", "", _claims, _status.CheckpointEpoch).ToContent();
            await ((Task)claim.TryWriteAsync(released, cancellationToken))
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }
    }

    /// <summary>Adopts a stored outcome, follows a live owner, or takes the run over from a dead or silent one.</summary>
    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        if (await _runs.LoadOutcomeAsync(cancellationToken) is { } finished)
        {
            _status = finished;
            return;
        }

        var observed = await _observer.ObserveAsync(cancellationToken);
        var claimed = observed is null ? null : TrainingClaim.Parse(observed.Content);
        var reason = claimed is null ? "it had no owner" : Takeover.Reason(claimed.Owner, claimed.OwnerName, observed!, liveness);
        if (reason is null)
        {
            _status = _status with { State = TrainingState.Running, Epoch = claimed!.Epoch, TotalEpochs = _request?.Epochs ?? 0, Silo = claimed.OwnerName };
            return;
        }

        var stored = await _runs.LoadRequestAsync(cancellationToken);
        if ((stored ?? _request) is not { } request)
        {
            return;
        }

        var claims = (claimed?.Claims ?? 0) + 1;
        var epoch = claimed?.Epoch ?? 0;
        var claim = observed is null
            ? await BlobClaim.TryCreateAsync(store, ClaimBlob.Container, ClaimBlob.Name, ClaimContent(claims, epoch), cancellationToken)
            : await BlobClaim.TryTakeOverAsync(store, ClaimBlob.Container, ClaimBlob.Name, observed.ETag, ClaimContent(claims, epoch), cancellationToken);
        if (claim is null)
        {
            // The owner wrote after all, or another activation took over first: follow it at the next heartbeat.
            return;
        }

        VaeCheckpoint? checkpoint = null;
        if (stored is null)
        {
            await _runs.BeginAsync(request, cancellationToken);
        }
        else
        {
            checkpoint = await _runs.LoadCheckpointAsync(cancellationToken);
        }

        logger.LogWarning("Resuming training run {RunId} from epoch {Epoch} here ({Reason}; claim {Claims})", RunId, checkpoint?.Epoch ?? 0, reason, claims);
        Lead(claim, claims, request, checkpoint);
    }

    private void Lead(BlobClaim claim, int claims, TrainingRequest request, VaeCheckpoint? resumeFrom)
    {
        _claim = claim;
        _claims = claims;
        _request = request;
        _stop = new CancellationTokenSource();
        var resumed = resumeFrom?.Epoch ?? 0;
        _status = _status with
        {
            State = TrainingState.Running,
            Epoch = resumed,
            TotalEpochs = request.Epochs,
            Device = "cpu",
            Silo = SiloName,
            ResumedFromEpoch = resumed,
            CheckpointEpoch = resumed,
        };
        _run = new TrainingRun(store, _runs, compute, logger);
        _running = RunAsync(_run, request, resumeFrom, _stop.Token);
    }

    private async Task RunAsync(TrainingRun run, TrainingRequest request, VaeCheckpoint? resumeFrom, CancellationToken stop)
    {
        // Training can outlast the idle-collection age; the grain must stay to report and store the result.
        DelayDeactivation(TimeSpan.FromHours(6));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _status = await run.RunAsync(
                    request, resumeFrom, _status, progress => GrainTelemetry.RecordingEpochs(progress, RunId, SiloName), stop);
                break;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                logger.LogInformation(
                    _claim is null
                        ? "Training run {RunId} stopped: another activation owns it now"
                        : "Training run {RunId} paused by deactivation; the next activation resumes it",
                    RunId);
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

        // The outcome marks the run finished for every later activation; the claim has nothing left to guard.
        _claim = null;
    }

    // Interleaved: a heartbeat riding out a storage outage (the store retries for ~40 s) must not hold up status calls.
    private void StartTimer() => _timer ??= this.RegisterGrainTimer(
        TickAsync, new GrainTimerCreationOptions(ownership.Heartbeat, ownership.Heartbeat) { Interleave = true });

    /// <summary>The owner's heartbeat (carrying the epoch reached), or a follower's look at the owner.</summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_claim is { } claim)
            {
                var epoch = (_run?.Describe(_status) ?? _status).Epoch;
                if (!await claim.TryWriteAsync(ClaimContent(_claims, epoch), cancellationToken))
                {
                    logger.LogWarning("Training run {RunId}: another activation took the run over; this one stops and follows it", RunId);
                    _claim = null;
                    await _stop.CancelAsync();
                }
            }
            else if (!IsFinished)
            {
                await FollowAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (StorageResilience.IsTransient(ex, cancellationToken) || ex is Azure.RequestFailedException)
        {
            // Storage is down past the store's retries; followers cannot read either, so nothing lapses meanwhile.
            logger.LogWarning(ex, "Training run {RunId}: ownership heartbeat missed; trying again at the next one", RunId);
        }

        if (IsFinished && _claim is null)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private BinaryData ClaimContent(int claims, int epoch) => new TrainingClaim(liveness.Self, SiloName, claims, epoch).ToContent();
}
