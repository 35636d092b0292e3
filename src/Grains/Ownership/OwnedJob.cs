using Azure;
using Microsoft.Extensions.Logging;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Ownership;

/// <summary>
/// One long job (an experiment, a training run) with exactly one owning activation. The job's status blob is also its
/// claim (<see cref="BlobClaim"/>): the owner rewrites it every heartbeat, so the heartbeat persists progress too.
/// After a silo crash Orleans' directory can briefly hold two activations of one grain; any activation that is not
/// the owner only follows the stored status, and takes the job over, resuming it, when the owner released it
/// (deactivation), membership declares its silo dead, or its heartbeat lapsed (<see cref="Takeover"/>). An owner
/// whose claim was taken finds out at its next write and stops. Grains supply the status codec and the run; this
/// class is the protocol, written once.
/// </summary>
public sealed class OwnedJob<TStatus>
    where TStatus : class
{
    /// <summary>How long the hosting activation is kept while it owns the job: longer than any run takes.</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromHours(12);

    private readonly IClaimStore _store;
    private readonly BlobRef _blob;
    private readonly IJobStatusCodec<TStatus> _codec;
    private readonly IOwnedJob<TStatus> _job;
    private readonly IJobHost _host;
    private readonly OwnershipSettings _settings;
    private readonly IOwnerLiveness _liveness;
    private readonly ILogger _logger;
    private readonly ClaimObserver _observer;
    private TStatus? _status;
    private BlobClaim? _claim;
    private CancellationTokenSource? _running;
    private Task? _run;
    private IDisposable? _timer;
    private bool _stopping;

    internal OwnedJob(
        IClaimStore store,
        BlobRef blob,
        IJobStatusCodec<TStatus> codec,
        IOwnedJob<TStatus> job,
        IJobHost host,
        OwnershipSettings settings,
        IOwnerLiveness liveness,
        ILogger logger)
    {
        _store = store;
        _blob = blob;
        _codec = codec;
        _job = job;
        _host = host;
        _settings = settings;
        _liveness = liveness;
        _logger = logger;
        _observer = new ClaimObserver(store, blob, settings.Lapse);
    }

    private enum Persisted
    {
        Written,
        Missed,
        Lost,
    }

    /// <summary>The job's status as this activation knows it (live when it owns the job); null when it never started.</summary>
    public TStatus? Status => _claim is not null && _status is not null ? _job.Live(_status) : _status;

    /// <summary>True while this activation owns the job.</summary>
    public bool IsOwner => _claim is not null;

    /// <summary>On activation: adopts a finished job, follows a live owner, or takes an interrupted job over.</summary>
    public async Task ActivateAsync(CancellationToken cancellationToken)
    {
        await FollowAsync(cancellationToken);
        if (_status is not null && !_codec.IsFinished(_status))
        {
            StartHeartbeat();
        }
    }

    /// <summary>Starts the job with <paramref name="initial"/>, unless another activation claimed it first: then follows it.</summary>
    public async Task<TStatus> StartAsync(TStatus initial, CancellationToken cancellationToken)
    {
        if (Status is { } known)
        {
            return known;
        }

        var first = _codec.WithOwner(initial, _liveness.Self, 1);
        if (await BlobClaim.TryCreateAsync(_store, _blob, _codec.Encode(first), cancellationToken) is { } claim)
        {
            Lead(claim, first, resumed: false);
        }
        else
        {
            await FollowAsync(cancellationToken);
        }

        StartHeartbeat();
        return Status ?? first;
    }

    /// <summary>Changes the owner's status and stores it now; throws <see cref="OwnershipLostException"/> when the job is no longer ours.</summary>
    public async Task UpdateAsync(Func<TStatus, TStatus> change)
    {
        _status = change(_status!);
        if (await PersistAsync() == Persisted.Lost)
        {
            throw new OwnershipLostException(_job.Name);
        }
    }

    /// <summary>Changes the owner's status in memory; the next heartbeat stores it.</summary>
    public void Report(Func<TStatus, TStatus> change) => _status = change(_status!);

    /// <summary>The owner's heartbeat (which also stores progress), or a follower's look at the owner.</summary>
    public async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        if (_claim is not null)
        {
            // The heartbeat first, so a slow look for a stop request never delays the claim's renewal.
            if (await PersistAsync() == Persisted.Written && _claim is not null && await StopRequestedAsync(cancellationToken))
            {
                await StopIfOwnerAsync();
            }
        }
        else if (_status is not null && !_codec.IsFinished(_status))
        {
            try
            {
                await FollowAsync(cancellationToken);
            }
            catch (Exception ex) when (IsStorageFailure(ex, cancellationToken))
            {
                _logger.LogDebug(ex, "{Job}: could not read its status; trying again at the next heartbeat", _job.Name);
            }
        }

        if (_claim is null && (_status is null || _codec.IsFinished(_status)))
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>
    /// Stops the run on request, when this activation owns it: the run is cancelled where it stands and the job ends
    /// with <see cref="IOwnedJob{TStatus}.Stopped"/>, stored as its final status. Returns the status either way.
    /// </summary>
    public async Task<TStatus?> StopIfOwnerAsync()
    {
        if (_claim is null || _status is null || _codec.IsFinished(_status))
        {
            return Status;
        }

        _stopping = true;
        await _running!.CancelAsync();
        await _run!.Quietly();
        if (_claim is not null && !_codec.IsFinished(_status))
        {
            _status = _job.Stopped(_status);
            await PersistAsync();
            _logger.LogInformation("{Job}: stopped on request", _job.Name);
        }

        return Status;
    }

    /// <summary>Stops the run where it stands and releases the claim, so the next activation resumes at once.</summary>
    public async Task DeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_running is not null)
        {
            await _running.CancelAsync();
        }

        if (_run is not null)
        {
            await _run.WaitAsync(cancellationToken).Quietly();
        }

        if (_claim is { } claim && Status is { } status && !_codec.IsFinished(status))
        {
            _logger.LogWarning("{Job}: deactivated ({Reason}) while owning it; releasing it to the next activation", _job.Name, reason);
            _status = _codec.WithOwner(status, null, _codec.OwnerOf(status).Claims);
            await claim.TryWriteAsync(_codec.Encode(_status), cancellationToken).Quietly();
        }
    }

    // One policy for every heartbeat and status write: storage trouble past the store's own retries is waited out.
    private static bool IsStorageFailure(Exception exception, CancellationToken cancellationToken) =>
        StorageResilience.IsTransient(exception, cancellationToken) || exception is RequestFailedException;

    private async Task<bool> StopRequestedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _job.IsStopRequestedAsync(cancellationToken);
        }
        catch (Exception ex) when (IsStorageFailure(ex, cancellationToken))
        {
            return false;
        }
    }

    private void StartHeartbeat() => _timer ??= _host.StartTimer(HeartbeatAsync, _settings.Heartbeat);

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        if (await _observer.ObserveAsync(cancellationToken) is not { } observed)
        {
            return;
        }

        var stored = _codec.Decode(observed.Content);
        if (_codec.IsFinished(stored))
        {
            _status = stored;
            return;
        }

        var (owner, ownerName, claims) = _codec.OwnerOf(stored);
        if (Takeover.Reason(owner, ownerName, observed, _liveness) is not { } reason)
        {
            _status = _job.Following(stored, _liveness.IsActive(owner));
            return;
        }

        var (prepared, resumable) = await _job.PrepareTakeOverAsync(stored, cancellationToken);
        if (!resumable)
        {
            _status = prepared;
            return;
        }

        var resumed = _codec.WithOwner(prepared, _liveness.Self, claims + 1);
        if (await BlobClaim.TryTakeOverAsync(_store, _blob, observed.ETag, _codec.Encode(resumed), cancellationToken) is not { } claim)
        {
            // The owner wrote after all, or another activation took over first: keep following.
            _status = stored;
            return;
        }

        _logger.LogWarning(
            "{Job} was interrupted during {Phase} ({Reason}); resuming it here (claim {Claims})", _job.Name, _job.Phase(stored), reason, claims + 1);
        Lead(claim, resumed, resumed: true);
    }

    private void Lead(BlobClaim claim, TStatus status, bool resumed)
    {
        _claim = claim;
        _status = status;
        _running = new CancellationTokenSource();
        _host.KeepAlive(KeepAlive);
        // Runs synchronously up to its first await, inside the call that led: the run inherits that call's trace.
        _run = RunAsync(resumed, _running.Token);
    }

    private async Task RunAsync(bool resumed, CancellationToken cancellationToken)
    {
        TStatus finished;
        try
        {
            finished = await _job.RunAsync(resumed, cancellationToken);
        }
        catch (Exception) when (_stopping)
        {
            // Stopped on request: StopIfOwnerAsync stores the final status.
            return;
        }
        catch (Exception ex) when (ex is OwnershipLostException || cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(
                _claim is null ? "{Job}: another activation owns it now; this one stopped" : "{Job}: paused by deactivation", _job.Name);
            return;
        }
        catch (Exception ex)
        {
            finished = await FinishedByAsync(ex);
        }

        // A run that ended after its claim was taken reports nothing: the new owner's status is the job's.
        if (_claim is not null)
        {
            var (owner, _, claims) = _codec.OwnerOf(_status!);
            _status = _codec.WithOwner(finished, owner, claims);
            await PersistAsync();
        }
    }

    private async Task<TStatus> FinishedByAsync(Exception error)
    {
        if (await StopRequestedAsync(CancellationToken.None))
        {
            // A stop was asked for and something the run waited on (a trainer watching the same request) stopped
            // first, before this owner's own heartbeat saw it: the run was stopped, not broken.
            _logger.LogInformation("{Job}: stopped on request ({Reason})", _job.Name, error.Message);
            return _job.Stopped(Status!);
        }

        _logger.LogError(error, "{Job} failed", _job.Name);
        return _job.Failed(Status!, error);
    }

    private async Task<Persisted> PersistAsync()
    {
        if (_claim is not { } claim)
        {
            return Persisted.Lost;
        }

        var status = Status!;
        try
        {
            if (await claim.TryWriteAsync(_codec.Encode(status)))
            {
                if (_codec.IsFinished(status))
                {
                    // The final status is stored; nothing is left to own.
                    _claim = null;
                }

                return Persisted.Written;
            }
        }
        catch (Exception ex) when (IsStorageFailure(ex, CancellationToken.None))
        {
            // This activation's status stays authoritative and the next heartbeat writes it again. Followers cannot
            // read during the outage either, so the claim does not lapse.
            _logger.LogWarning(ex, "{Job}: could not store its status; retrying at the next heartbeat", _job.Name);
            return Persisted.Missed;
        }

        _logger.LogWarning("{Job}: another activation took it over; this one stops and follows it", _job.Name);
        _claim = null;
        await _running!.CancelAsync();
        return Persisted.Lost;
    }
}
