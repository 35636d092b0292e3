using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Training;

/// <summary>Where one training run keeps its state and outputs: <c>models/{runId}/…</c>.</summary>
public sealed record TrainingBlobs(string RunId)
{
    /// <summary>The request as received; with a checkpoint and an unfinished status it means "resume me".</summary>
    public BlobRef Request => In("request.json");

    /// <summary>The latest checkpoint, overwritten every N epochs (uploads are atomic).</summary>
    public BlobRef Checkpoint => In("checkpoint.bin");

    /// <summary>The run's status, which is also its claim: rewritten by its owner every heartbeat, finished last.</summary>
    public BlobRef Status => In("status.json");

    public BlobRef Model => In("model.bin");

    public BlobRef Latents => In("latents.f32");

    public BlobRef Diagnostics => In("diagnostics.json");

    /// <summary>Where the pictures go when the request does not say.</summary>
    public BlobRef LossCurve => In("loss.png");

    public BlobRef Traversal => In("traversal.png");

    private BlobRef In(string file) => new(BlobContainers.Models, BlobNames.Model(RunId, file));
}
