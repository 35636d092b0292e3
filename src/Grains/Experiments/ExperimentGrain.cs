using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Grains.Diagnostics;
using MusicClustering.Grains.Ownership;
using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Coordinates one experiment (the stages are in <see cref="ExperimentPipeline"/>). Its spec and status live in blob
/// storage; the status blob is also the run's claim, and <see cref="OwnedJob{TStatus}"/> keeps exactly one activation
/// running it. A resumed run reuses cached features and trainer checkpoints. An id means one spec on one dataset
/// version (<see cref="ExperimentIdentity"/>).
/// </summary>
public sealed class ExperimentGrain(ArtifactStore store, JobOwnership ownership, ILogger<ExperimentGrain> logger)
    : JobHostGrain, IExperimentGrain, IOwnedJob<ExperimentStatus>, IExperimentProgress
{
    private OwnedJob<ExperimentStatus> _job = null!;
    private bool _resumed;

    private string Id => this.GetPrimaryKeyString();

    string IOwnedJob<ExperimentStatus>.Name => $"Experiment {Id}";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _job = ownership.Create(new ExperimentBlobs(Id).Status, ExperimentStatusCodec.Instance, this, this, logger);
        return _job.ActivateAsync(cancellationToken);
    }

    public async Task<ExperimentStatus> StartAsync(ExperimentSpec spec, CancellationToken cancellationToken)
    {
        // A known id answers with its stored status only when the spec and the dataset version both match.
        SpecValidator.Validate(spec);
        var dataset = await CurrentDataset.ReadAsync(GrainFactory, store, spec.Dataset, cancellationToken)
            ?? throw CurrentDataset.Missing(spec.Dataset);
        if (_job.Status is { } known)
        {
            await ExperimentIdentity.RecordOrMatchAsync(store, Id, spec, dataset, cancellationToken);
            return known;
        }

        SpecValidator.Validate(spec, dataset.Summary.Tracks, dataset.Summary.Lyrics is not null);
        if (spec.UpdateFrom is not null)
        {
            // Refused now, not after extraction: the run it updates must have finished on this dataset.
            await UpdatedRun.ClustersAsync(store, spec, cancellationToken);
            if (spec.ReusesModel)
            {
                using var reusable = await ReusedModelLoader.LoadAsync(store, spec, cancellationToken);
            }
        }

        await ExperimentIdentity.RecordOrMatchAsync(store, Id, spec, dataset, cancellationToken);
        return await _job.StartAsync(
            new ExperimentStatus(Id, spec.Name, ExperimentStage.Pending, 0, 0, "queued", null, null, DateTimeOffset.UtcNow), cancellationToken);
    }

    public Task<ExperimentStatus?> GetStatusAsync(CancellationToken cancellationToken) => Task.FromResult(_job.Status);

    public async Task<ExperimentStatus?> CancelAsync(CancellationToken cancellationToken)
    {
        if (_job.Status is not { IsFinished: false })
        {
            return _job.Status;
        }

        // The request blob reaches the owner wherever it runs; an owner here stops at once.
        await ExperimentCancellation.RequestAsync(store, Id, cancellationToken);
        return await _job.StopIfOwnerAsync();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _job.DeactivateAsync(reason, cancellationToken);

    Task IExperimentProgress.EnterAsync(ExperimentStage stage, string message, int total) =>
        _job.UpdateAsync(status => Enter(status, stage, message, total));

    void IExperimentProgress.Report(int done, string? message) =>
        _job.Report(status => status with { Done = done, Message = message ?? status.Message, UpdatedAt = DateTimeOffset.UtcNow });

    string IOwnedJob<ExperimentStatus>.Phase(ExperimentStatus status) => status.Stage.ToString();

    async Task<ExperimentStatus> IOwnedJob<ExperimentStatus>.RunAsync(bool resumed, CancellationToken cancellationToken)
    {
        // This runs synchronously inside the call that started or resumed the run, so Activity.Current is still that
        // call's: the whole background run (and every grain call it makes) belongs to the submit's trace.
        using var runActivity = GrainTelemetry.StartExperimentRun(Id, Activity.Current?.Context ?? default);
        _resumed = resumed;
        var spec = await ExperimentStore.ReadSpecAsync(store, Id, cancellationToken)
            ?? throw new InvalidOperationException("the experiment's spec is missing");
        if (spec.HasTrainedRepresentation && !spec.ReusesModel)
        {
            // An embedded silo skips the warm-up at start; torch then loads here, beside the feature stage.
            _ = TorchWarmUp.Begin();
        }

        var results = await new ExperimentPipeline(GrainFactory, store, Id, this).RunAsync(spec, resumed, cancellationToken);
        return Enter(_job.Status!, ExperimentStage.Done, "done", 0) with { Results = results };
    }

    ExperimentStatus IOwnedJob<ExperimentStatus>.Failed(ExperimentStatus status, Exception error) =>
        status with { Stage = ExperimentStage.Failed, Message = "failed", Error = error.Message, UpdatedAt = DateTimeOffset.UtcNow };

    Task<bool> IOwnedJob<ExperimentStatus>.IsStopRequestedAsync(CancellationToken cancellationToken) =>
        ExperimentCancellation.IsRequestedAsync(store, Id, cancellationToken);

    ExperimentStatus IOwnedJob<ExperimentStatus>.Stopped(ExperimentStatus status) => ExperimentCancellation.Cancelled(status);

    async Task<(ExperimentStatus Status, bool Resumable)> IOwnedJob<ExperimentStatus>.PrepareTakeOverAsync(
        ExperimentStatus stored, CancellationToken cancellationToken)
    {
        if (await ExperimentStore.ReadSpecAsync(store, Id, cancellationToken) is null)
        {
            logger.LogError("Experiment {Id} was interrupted during {Stage}, but its spec is missing; it cannot be resumed", Id, stored.Stage);
            return (stored with { Message = $"interrupted during {stored.Stage}; cannot resume: the spec is missing" }, false);
        }

        return (stored with { Message = $"resumed after an interruption during {stored.Stage}", UpdatedAt = DateTimeOffset.UtcNow }, true);
    }

    // An owner membership does not (yet) list as active is most likely gone, e.g. after a whole-cluster restart before
    // the new silos have all joined: say what will happen rather than show its last words as current.
    ExperimentStatus IOwnedJob<ExperimentStatus>.Following(ExperimentStatus stored, bool ownerIsActive) => ownerIsActive ? stored : stored with
    {
        Message = $"{stored.Message}; its owner {SiloLiveness.Describe(stored.Owner)} is not an active silo, so the run "
            + $"will be resumed here unless it heartbeats within {ownership.Settings.Lapse.TotalSeconds:F0} s",
    };

    private ExperimentStatus Enter(ExperimentStatus status, ExperimentStage stage, string message, int total) => status with
    {
        Stage = stage,
        Done = 0,
        Total = total,
        Message = _resumed ? $"{message} (resumed after an interruption)" : message,
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
