using Microsoft.Extensions.Logging;
using MusicClustering.Contracts;
using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Training;

/// <summary>
/// Reads and writes a run's state blobs (request, checkpoint, outcome). Thread-safe like <see cref="ArtifactStore"/>,
/// so the checkpoint uploader may call it off the grain's scheduler.
/// </summary>
public sealed class TrainingRunStore(ArtifactStore store, TrainingBlobs blobs, ILogger logger)
{
    public TrainingBlobs Blobs => blobs;

    /// <summary>Records a new run's request, dropping any checkpoint a previous request under this id left behind.</summary>
    public async Task BeginAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        await store.DeleteIfExistsAsync(blobs.Checkpoint.Container, blobs.Checkpoint.Name, cancellationToken);
        await store.UploadAsync(blobs.Request.Container, blobs.Request.Name, TrainingJson.ToContent(request), overwrite: true, cancellationToken);
    }

    public async Task<TrainingRequest?> LoadRequestAsync(CancellationToken cancellationToken) =>
        await store.TryDownloadAsync(blobs.Request.Container, blobs.Request.Name, cancellationToken) is { } found
            ? TrainingJson.FromContent<TrainingRequest>(found.Content)
            : null;

    public Task SaveCheckpointAsync(byte[] checkpoint, CancellationToken cancellationToken) =>
        store.UploadAsync(blobs.Checkpoint.Container, blobs.Checkpoint.Name, BinaryData.FromBytes(checkpoint), overwrite: true, cancellationToken);

    /// <summary>The stored checkpoint, or null when there is none or it cannot be read (the run then starts over).</summary>
    public async Task<VaeCheckpoint?> LoadCheckpointAsync(CancellationToken cancellationToken)
    {
        if (await store.TryDownloadAsync(blobs.Checkpoint.Container, blobs.Checkpoint.Name, cancellationToken) is not { } found)
        {
            return null;
        }

        try
        {
            return VaeCheckpoint.FromBytes(found.Content.ToArray());
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or System.Text.Json.JsonException)
        {
            logger.LogWarning(ex, "Ignoring unreadable checkpoint of run {RunId}; training starts over", blobs.RunId);
            return null;
        }
    }

    public Task SaveOutcomeAsync(TrainingStatus status, CancellationToken cancellationToken) =>
        store.UploadAsync(blobs.Outcome.Container, blobs.Outcome.Name, TrainingJson.ToContent(status), overwrite: true, cancellationToken);

    public async Task<TrainingStatus?> LoadOutcomeAsync(CancellationToken cancellationToken) =>
        await store.TryDownloadAsync(blobs.Outcome.Container, blobs.Outcome.Name, cancellationToken) is { } found
            ? TrainingJson.FromContent<TrainingStatus>(found.Content)
            : null;
}
