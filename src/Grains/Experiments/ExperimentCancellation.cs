using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// <c>cluster cancel</c>: a request blob (<see cref="ExperimentBlobs.CancelRequest"/>) that the run's owner honours at
/// once when the cancel call reaches it, or at its next heartbeat when the call reached another activation (another
/// process's embedded silo, or a follower after a takeover).
/// </summary>
public static class ExperimentCancellation
{
    public const string Error = "cancelled by `cluster cancel`";

    public static Task RequestAsync(ArtifactStore store, string id, CancellationToken cancellationToken) =>
        store.UploadAsync(
            new ExperimentBlobs(id).CancelRequest, ArtifactStore.ToJsonContent(new { requested_at = DateTimeOffset.UtcNow }), overwrite: true, cancellationToken);

    public static Task<bool> IsRequestedAsync(ArtifactStore store, string id, CancellationToken cancellationToken) =>
        store.ExistsAsync(new ExperimentBlobs(id).CancelRequest, cancellationToken);

    /// <summary>The final status of a cancelled run.</summary>
    public static ExperimentStatus Cancelled(ExperimentStatus status) => status with
    {
        Stage = ExperimentStage.Cancelled,
        Message = $"cancelled during {status.Stage}",
        Error = Error,
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
