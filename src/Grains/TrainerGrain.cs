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
/// Trains a VAE on a matrix blob, or a patch model on a patch manifest's log-mel blobs, preferring a GPU silo. The request and periodic checkpoints live in blob storage;
/// the status blob is also the run's claim, and <see cref="OwnedJob{TStatus}"/> keeps exactly one activation training
/// it; another one resumes the run from the last checkpoint once the owner is gone. The work itself is in
/// <see cref="TrainingRun"/>.
/// </summary>
[PreferGpuSiloPlacementFilter]
public sealed class TrainerGrain(
    ArtifactStore store,
    ComputeSettings compute,
    JobOwnership ownership,
    ILocalSiloDetails silo,
    ILogger<TrainerGrain> logger) : JobHostGrain, ITrainerGrain, IOwnedJob<TrainingStatus>
{
    private TrainingRunStore _runs = null!;
    private OwnedJob<TrainingStatus> _job = null!;
    private ITrainingAttempt? _run;
    private BlobRef? _stopRequest;

    /// <summary>The error of a run stopped by its <see cref="TrainingRequest.StopRequest"/>.</summary>
    public const string StoppedError = "stopped: its experiment was cancelled";

    private string RunId => this.GetPrimaryKeyString();

    private string SiloName => SiloIdentity.Describe(silo);

    string IOwnedJob<TrainingStatus>.Name => $"Training run {RunId}";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _runs = new TrainingRunStore(store, new TrainingBlobs(RunId), logger);
        _job = ownership.Create(_runs.Blobs.Status, TrainingStatusCodec.Instance, this, this, logger);
        return _job.ActivateAsync(cancellationToken);
    }

    public async Task StartAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        if (_job.Status is null)
        {
            // The request goes first: whoever owns the run later resumes it from there.
            await _runs.BeginAsync(request, cancellationToken);
            await _job.StartAsync(TrainingStatus.NotStarted with { State = TrainingState.Running, TotalEpochs = request.Epochs, Silo = SiloName }, cancellationToken);
        }
    }

    public Task<TrainingStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_job.Status ?? TrainingStatus.NotStarted with { Silo = SiloName });

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _job.DeactivateAsync(reason, cancellationToken);

    string IOwnedJob<TrainingStatus>.Phase(TrainingStatus status) => $"epoch {status.Epoch}";

    TrainingStatus IOwnedJob<TrainingStatus>.Live(TrainingStatus status) => _run?.Describe(status) ?? status;

    async Task<TrainingStatus> IOwnedJob<TrainingStatus>.RunAsync(bool resumed, CancellationToken cancellationToken)
    {
        var request = await _runs.LoadRequestAsync(cancellationToken) ?? throw new InvalidOperationException("the run's request is missing");
        _stopRequest = request.StopRequest;
        if (request.Patches is { } patches)
        {
            return await RunPatchesAsync(request, patches, resumed, cancellationToken);
        }

        var resumeFrom = resumed ? await _runs.LoadCheckpointAsync(cancellationToken) : null;
        ReportStart(request, resumeFrom?.Epoch ?? 0);
        // No retry on a native torch error: the one seen, a Scalar freed while libtorch read it, is fixed at its root
        // and kept out by the banned-API analyzer (src/BannedSymbols.TorchSharp.txt).
        var run = new TrainingRun(store, _runs, compute, logger);
        _run = run;
        return await run.RunAsync(
            request, resumeFrom, _job.Status!, progress => GrainTelemetry.RecordingEpochs(progress, RunId, SiloName), cancellationToken);
    }

    private async Task<TrainingStatus> RunPatchesAsync(TrainingRequest request, PatchTrainingRequest patches, bool resumed, CancellationToken cancellationToken)
    {
        var resumeFrom = resumed ? await PatchTrainingRun.LoadCheckpointAsync(_runs, cancellationToken) : null;
        ReportStart(request, resumeFrom?.Epoch ?? 0);
        var run = new PatchTrainingRun(store, _runs, compute, logger);
        _run = run;
        return await run.RunAsync(
            request, patches, resumeFrom, _job.Status!, progress => GrainTelemetry.RecordingEpochs(progress, RunId, SiloName), cancellationToken);
    }

    private void ReportStart(TrainingRequest request, int epoch) =>
        _job.Report(status => status with
        {
            State = TrainingState.Running,
            Epoch = epoch,
            TotalEpochs = request.Epochs,
            Device = "cpu",
            Silo = SiloName,
            ResumedFromEpoch = epoch,
            CheckpointEpoch = epoch,

            // A resumed attempt publishes its own latents; an earlier attempt's (stored before it died) are not ready.
            Latents = null,
        });

    TrainingStatus IOwnedJob<TrainingStatus>.Failed(TrainingStatus status, Exception error) =>
        status with { State = TrainingState.Failed, Error = error.Message };

    Task<bool> IOwnedJob<TrainingStatus>.IsStopRequestedAsync(CancellationToken cancellationToken) =>
        _stopRequest is { } blob ? store.ExistsAsync(blob, cancellationToken) : Task.FromResult(false);

    // The live epoch, not the last stored one: the stopped status is the run's last word.
    TrainingStatus IOwnedJob<TrainingStatus>.Stopped(TrainingStatus status) =>
        (_run?.Describe(status) ?? status) with { State = TrainingState.Failed, Error = StoppedError };

    // Every run stores its request before its first claim, so only a run whose request vanished cannot be resumed.
    async Task<(TrainingStatus Status, bool Resumable)> IOwnedJob<TrainingStatus>.PrepareTakeOverAsync(
        TrainingStatus stored, CancellationToken cancellationToken) =>
        (stored with { Silo = SiloName }, await store.ExistsAsync(_runs.Blobs.Request, cancellationToken));
}
