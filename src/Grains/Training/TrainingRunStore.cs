using Microsoft.Extensions.Logging;
using MusicClustering.Contracts;
using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Training;

/// <summary>
/// Reads and writes a run's request and checkpoint. Thread-safe like <see cref="ArtifactStore"/>, so the checkpoint
/// uploader may call it off the grain's scheduler.
/// </summary>
public sealed class TrainingRunStore(ArtifactStore store, TrainingBlobs blobs, ILogger logger)
{
    public TrainingBlobs Blobs => blobs;

    /// <summary>Records a new run's request once, dropping any checkpoint a previous request under this id left behind.</summary>
    public async Task BeginAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        if (await store.ExistsAsync(blobs.Request, cancellationToken))
        {
            return;
        }

        await store.DeleteIfExistsAsync(blobs.Checkpoint, cancellationToken);
        await store.UploadIfAbsentAsync(blobs.Request, TrainingJson.ToContent(request), cancellationToken);
    }

    public async Task<TrainingRequest?> LoadRequestAsync(CancellationToken cancellationToken) =>
        await store.TryDownloadAsync(blobs.Request, cancellationToken) is { } found
            ? TrainingJson.FromContent<TrainingRequest>(found.Content)
            : null;

    public Task SaveCheckpointAsync(byte[] checkpoint, CancellationToken cancellationToken) =>
        store.UploadAsync(blobs.Checkpoint, BinaryData.FromBytes(checkpoint), overwrite: true, cancellationToken);

    /// <summary>The stored checkpoint, or null when there is none or it cannot be read (the run then starts over).</summary>
    public Task<VaeCheckpoint?> LoadCheckpointAsync(CancellationToken cancellationToken) =>
        LoadCheckpointAsync(VaeCheckpoint.FromBytes, cancellationToken);

    /// <summary>As <see cref="LoadCheckpointAsync(CancellationToken)"/>, for any model kind's checkpoint format.</summary>
    public async Task<TCheckpoint?> LoadCheckpointAsync<TCheckpoint>(Func<byte[], TCheckpoint> parse, CancellationToken cancellationToken)
        where TCheckpoint : class
    {
        if (await store.TryDownloadAsync(blobs.Checkpoint, cancellationToken) is not { } found)
        {
            return null;
        }

        try
        {
            return parse(found.Content.ToArray());
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or System.Text.Json.JsonException)
        {
            logger.LogWarning(ex, "Ignoring unreadable checkpoint of run {RunId}; training starts over", blobs.RunId);
            return null;
        }
    }
}
