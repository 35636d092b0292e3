using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MusicClustering.Contracts;
using MusicClustering.Grains.Diagnostics;
using MusicClustering.Grains.Ownership;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Coordinates one experiment (the stages are in <see cref="ExperimentPipeline"/>). Its spec and status live in blob
/// storage, and the status blob is also the run's claim (<see cref="BlobClaim"/>): one activation owns the run and
/// rewrites the status every heartbeat. Any other activation of the same id (after a silo crash the grain directory can
/// briefly hold two) follows the stored status, and takes the run over, resuming it from cached features and trainer
/// checkpoints, only once membership declares the owner's silo dead or its heartbeat lapses. So the run is never done
/// twice, and an owner that lost its claim finds out at its next write and stops.
/// </summary>
public sealed class ExperimentGrain(
    ArtifactStore store,
    OwnershipSettings ownership,
    SiloLiveness liveness,
    ILogger<ExperimentGrain> logger) : Grain, IExperimentGrain, IExperimentProgress
{
    private ExperimentStatus? _status;
    private ClaimObserver _observer = null!;
    private BlobClaim? _claim;
    private CancellationTokenSource? _owning;
    private IGrainTimer? _timer;
    private Task? _run;
    private bool _resumed;
    private bool _cancelling;

    private string Id => this.GetPrimaryKeyString();

    private BlobRef StatusBlob => ExperimentStore.StatusBlob(Id);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _observer = new ClaimObserver(store, StatusBlob.Container, StatusBlob.Name, ownership.Lapse);
        await FollowAsync(cancellationToken);
        if (_status is { IsFinished: false })
        {
            StartTimer();
        }
    }

    public async Task<ExperimentStatus> StartAsync(ExperimentSpec spec, CancellationToken cancellationToken)
    {
        // An id means one spec on one dataset version: a known id answers with its stored status only when both match.
        SpecValidator.Validate(spec);
        var dataset = await CurrentDataset.ReadAsync(GrainFactory, store, spec.Dataset, cancellationToken)
            ?? throw CurrentDataset.Missing(spec.Dataset);
        if (_status is not null)
        {
            await ExperimentIdentity.RecordOrMatchAsync(store, Id, spec, dataset, cancellationToken);
            return _status;
        }

        SpecValidator.Validate(spec, dataset.Summary.Tracks, dataset.Summary.Lyrics is not null);
        await ExperimentIdentity.RecordOrMatchAsync(store, Id, spec, dataset, cancellationToken);

        var queued = new ExperimentStatus(Id, spec.Name, ExperimentStage.Pending, 0, 0, "queued", null, null, DateTimeOffset.UtcNow)
        {
            Owner = liveness.Self,
            Claims = 1,
        };
        var claim = await BlobClaim.TryCreateAsync(store, StatusBlob.Container, StatusBlob.Name, ExperimentStore.ToContent(queued), cancellationToken);
        if (claim is null)
        {
            // Another activation of this id started it a moment ago: follow that one.
            await FollowAsync(cancellationToken);
        }
        else
        {
            Lead(claim, spec, queued, resumed: false);
        }

        StartTimer();
        return _status ?? queued;
    }

    public Task<ExperimentStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_status ?? new ExperimentStatus(Id, "", ExperimentStage.Pending, 0, 0, "not started", null, null, DateTimeOffset.UtcNow));

    public async Task<ExperimentStatus> CancelAsync(CancellationToken cancellationToken)
    {
        if (_status is null or { IsFinished: true })
        {
            return await GetStatusAsync(cancellationToken);
        }

        await ExperimentCancellation.RequestAsync(store, Id, cancellationToken);
        if (_claim is not null)
        {
            await StopCancelledAsync();
        }

        return _status!;
    }

    /// <summary>Stops the owned run where it stands, then stores the cancelled status as the final one.</summary>
    private async Task StopCancelledAsync()
    {
        _cancelling = true;
        await _owning!.CancelAsync();
        await _run!.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        if (_status is { IsFinished: false })
        {
            _status = ExperimentCancellation.Cancelled(_status);
            await PersistAsync();
        }

        logger.LogInformation("Experiment {Id}: {Message}", Id, _status!.Message);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Stop the run where it stands (features and checkpoints stay in storage), then hand the claim back.
        if (_owning is not null)
        {
            await _owning.CancelAsync();
        }

        if (_run is not null)
        {
            await _run.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        // Release the claim (no owner) so the next activation resumes at once instead of waiting out the lapse.
        if (_claim is not null && _status is { IsFinished: false })
        {
            logger.LogWarning("Experiment {Id}: deactivated ({Reason}) while running it; releasing the run to the next activation", Id, reason);
            _status = _status with { Owner = null };
            await ((Task)PersistAsync().WaitAsync(cancellationToken)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }
    }

    async Task IExperimentProgress.EnterAsync(ExperimentStage stage, string message, int total, BlobRef? results)
    {
        _status = _status! with
        {
            Stage = stage,
            Done = 0,
            Total = total,
            Message = _resumed ? $"{message} (resumed after an interruption)" : message,
            Results = results,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        if (await PersistAsync() == Persisted.Lost)
        {
            throw new OwnershipLostException($"experiment {Id}");
        }
    }

    void IExperimentProgress.Report(int done, string? message) =>
        _status = _status! with { Done = done, Message = message ?? _status.Message, UpdatedAt = DateTimeOffset.UtcNow };

    /// <summary>Reads the stored status; follows a live owner, takes the run over from a dead or silent one.</summary>
    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        if (await _observer.ObserveAsync(cancellationToken) is not { } observed)
        {
            return;
        }

        var stored = ExperimentStore.ParseStatus(observed.Content);
        if (stored.IsFinished)
        {
            _status = stored;
            return;
        }

        if (Takeover.Reason(stored.Owner, SiloLiveness.Describe(stored.Owner), observed, liveness) is not { } reason)
        {
            // An owner membership does not (yet) list as active is most likely gone, e.g. after a whole-cluster restart
            // before the new silos have all joined: say what will happen rather than show its last words as current.
            _status = liveness.IsActive(stored.Owner) ? stored : stored with
            {
                Message = $"{stored.Message}; its owner {SiloLiveness.Describe(stored.Owner)} is not an active silo, so the run "
                    + $"will be resumed here unless it heartbeats within {ownership.Lapse.TotalSeconds:F0} s",
            };
            return;
        }

        await TakeOverAsync(stored, observed.ETag, reason, cancellationToken);
    }

    private async Task TakeOverAsync(ExperimentStatus stored, string observedETag, string reason, CancellationToken cancellationToken)
    {
        if (await ExperimentStore.ReadSpecAsync(store, Id, cancellationToken) is not { } spec)
        {
            logger.LogError("Experiment {Id} was interrupted during {Stage}, but its spec is missing; it cannot be resumed", Id, stored.Stage);
            _status = stored with { Message = $"interrupted during {stored.Stage}; cannot resume: the spec is missing" };
            return;
        }

        var resumed = stored with
        {
            Message = $"resumed after an interruption during {stored.Stage}",
            Owner = liveness.Self,
            Claims = stored.Claims + 1,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        var claim = await BlobClaim.TryTakeOverAsync(
            store, StatusBlob.Container, StatusBlob.Name, observedETag, ExperimentStore.ToContent(resumed), cancellationToken);
        if (claim is null)
        {
            // The owner wrote after all, or another activation took over first: keep following.
            _status = stored;
            return;
        }

        logger.LogWarning("Experiment {Id} was interrupted during {Stage} ({Reason}); resuming it here (claim {Claims})", Id, stored.Stage, reason, resumed.Claims);
        Lead(claim, spec, resumed, resumed: true);
    }

    private void Lead(BlobClaim claim, ExperimentSpec spec, ExperimentStatus status, bool resumed)
    {
        _claim = claim;
        _status = status;
        _resumed = resumed;
        _owning = new CancellationTokenSource();
        _run = RunAsync(spec, resumed, _owning.Token);
    }

    private async Task RunAsync(ExperimentSpec spec, bool resumed, CancellationToken owning)
    {
        // This line runs synchronously inside StartAsync, so Activity.Current is still the submit's call: the whole
        // background run (and every grain call it makes) belongs to the submit's trace.
        using var runActivity = GrainTelemetry.StartExperimentRun(Id, Activity.Current?.Context ?? default);
        // The run outlives the call that started it; keep the activation until it ends.
        DelayDeactivation(TimeSpan.FromHours(12));
        try
        {
            await new ExperimentPipeline(GrainFactory, store, Id, this).RunAsync(spec, resumed, owning);
        }
        catch (Exception) when (_cancelling)
        {
            // cluster cancel stopped it; StopCancelledAsync stores the final status.
        }
        catch (Exception ex) when (ex is OwnershipLostException || owning.IsCancellationRequested)
        {
            logger.LogWarning(
                _claim is null ? "Experiment {Id}: another activation owns the run now; this one stopped" : "Experiment {Id}: run paused by deactivation",
                Id);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Experiment {Id} failed", Id);
            _status = _status! with { Stage = ExperimentStage.Failed, Message = "failed", Error = ex.Message, UpdatedAt = DateTimeOffset.UtcNow };
            await PersistAsync();
        }
    }

    // Interleaved: a heartbeat riding out a storage outage (the store retries for ~40 s) must not hold up status calls.
    private void StartTimer() => _timer ??= this.RegisterGrainTimer(
        TickAsync, new GrainTimerCreationOptions(ownership.Heartbeat, ownership.Heartbeat) { Interleave = true });

    /// <summary>The owner's heartbeat (which also persists progress), or a follower's look at the owner.</summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (_claim is not null)
        {
            // The heartbeat first, so a slow look for a cancel request never delays the claim's renewal.
            await PersistAsync();
            if (_claim is not null && await ExperimentCancellation.IsRequestedSafelyAsync(store, Id, cancellationToken))
            {
                await StopCancelledAsync();
            }
        }
        else
        {
            try
            {
                await FollowAsync(cancellationToken);
            }
            catch (Exception ex) when (StorageResilience.IsTransient(ex, cancellationToken))
            {
                logger.LogDebug(ex, "Experiment {Id}: could not read the stored status; trying again at the next heartbeat", Id);
            }
        }

        if (_claim is null && _status is null or { IsFinished: true })
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private enum Persisted
    {
        Written,
        Missed,
        Lost,
    }

    private async Task<Persisted> PersistAsync()
    {
        if (_claim is not { } claim)
        {
            return Persisted.Lost;
        }

        try
        {
            if (await claim.TryWriteAsync(ExperimentStore.ToContent(_status!)))
            {
                if (_status!.IsFinished)
                {
                    // The final status is stored; nothing is left to own.
                    _claim = null;
                }

                return Persisted.Written;
            }
        }
        catch (Exception ex)
        {
            // Storage is down past the store's retries: this activation's status stays authoritative, and the next
            // heartbeat writes it again. Followers cannot read during the outage either, so the claim does not lapse.
            logger.LogWarning(ex, "Could not persist the status of experiment {Id}; retrying at the next heartbeat", Id);
            return Persisted.Missed;
        }

        logger.LogWarning("Experiment {Id}: another activation took the run over; this one stops and follows it", Id);
        _claim = null;
        if (_owning is not null)
        {
            await _owning.CancelAsync();
        }

        return Persisted.Lost;
    }
}
