using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Training;

/// <summary>Where one training run keeps its state and outputs: <c>models/{runId}/…</c>.</summary>
public sealed record TrainingBlobs(string RunId)
{
    /// <summary>The request as received; with a checkpoint and no outcome it means "resume me".</summary>
    public BlobRef Request => In("request.json");

    /// <summary>The latest checkpoint, overwritten every N epochs (uploads are atomic).</summary>
    public BlobRef Checkpoint => In("checkpoint.bin");

    /// <summary>The final status, written last: its presence marks the run as finished.</summary>
    public BlobRef Outcome => In("status.json");

    /// <summary>The run's claim (<see cref="TrainingClaim"/>): rewritten by its owner every heartbeat.</summary>
    public BlobRef Claim => In("owner.json");

    public BlobRef Model => In("model.bin");

    public BlobRef Latents => In("latents.f32");

    public BlobRef LossCurve => In("loss.png");

    public BlobRef Diagnostics => In("diagnostics.json");

    public BlobRef Traversal => In("traversal.png");

    private BlobRef In(string file) => new(BlobContainers.Models, BlobNames.Model(RunId, file));
}
