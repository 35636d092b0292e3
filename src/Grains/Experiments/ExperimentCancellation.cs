using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// <c>cluster cancel</c>: a request blob (<c>experiments/{id}/cancel.json</c>) that the run's owner honours at once when
/// the cancel call reaches it, or at its next heartbeat when the call reached another activation (another process's
/// embedded silo, or a follower after a takeover).
/// </summary>
public static class ExperimentCancellation
{
    public const string Error = "cancelled by `cluster cancel`";

    public static BlobRef RequestBlob(string id) => new(BlobContainers.Experiments, BlobNames.Experiment(id, "cancel.json"));

    public static Task RequestAsync(ArtifactStore store, string id, CancellationToken cancellationToken)
    {
        var blob = RequestBlob(id);
        return store.UploadAsync(
            blob.Container, blob.Name, ArtifactStore.ToJsonContent(new { requested_at = DateTimeOffset.UtcNow }), overwrite: true, cancellationToken);
    }

    public static Task<bool> IsRequestedAsync(ArtifactStore store, string id, CancellationToken cancellationToken)
    {
        var blob = RequestBlob(id);
        return store.ExistsAsync(blob.Container, blob.Name, cancellationToken);
    }

    /// <summary>As <see cref="IsRequestedAsync"/>, but a storage outage reads as "not requested": the next heartbeat looks again.</summary>
    public static async Task<bool> IsRequestedSafelyAsync(ArtifactStore store, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await IsRequestedAsync(store, id, cancellationToken);
        }
        catch (Exception ex) when (StorageResilience.IsTransient(ex, cancellationToken))
        {
            return false;
        }
    }

    /// <summary>The final status of a cancelled run.</summary>
    public static ExperimentStatus Cancelled(ExperimentStatus status) => status with
    {
        Stage = ExperimentStage.Cancelled,
        Message = $"cancelled during {status.Stage}",
        Error = Error,
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
