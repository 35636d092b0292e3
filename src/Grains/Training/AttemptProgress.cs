using MusicClustering.Contracts;
using MusicClustering.Learning;

namespace MusicClustering.Grains.Training;

/// <summary>
/// What one training attempt (VAE or patch model) knows while it runs: the newest epoch's figures, the device it
/// trains on and the newest uploaded checkpoint's epoch, folded into the stored status on request. Written by the
/// training thread and the upload loop, read by status calls: every field is read and written atomically.
/// </summary>
internal sealed class AttemptProgress
{
    private string? _device;
    private Func<int>? _uploadedEpoch;
    private Func<TrainingStatus, TrainingStatus>? _published;

    /// <summary>Receives each epoch's progress (keep only the latest).</summary>
    public LatestValue<EpochProgress> Epochs { get; } = new();

    public void SetDevice(string device) => Volatile.Write(ref _device, device);

    public void SetCheckpointEpoch(Func<int> uploadedEpoch) => Volatile.Write(ref _uploadedEpoch, uploadedEpoch);

    /// <summary>
    /// The attempt's outputs that are already stored (latents, model, diagnostics) and the picture blobs it is about to
    /// write, folded into every status from now on while the state stays running until the pictures are stored.
    /// </summary>
    public void Publish(Func<TrainingStatus, TrainingStatus> outputs) => Volatile.Write(ref _published, outputs);

    /// <summary>The given status with this attempt's live progress folded in; safe to call while training.</summary>
    public TrainingStatus Describe(TrainingStatus status)
    {
        if (Epochs.Value is { } latest)
        {
            status = status with { Epoch = latest.Epoch, Loss = latest.Loss, Reconstruction = latest.Reconstruction, Kl = latest.Kl };
        }

        status = status with
        {
            Device = Volatile.Read(ref _device) ?? status.Device,
            CheckpointEpoch = Volatile.Read(ref _uploadedEpoch)?.Invoke() ?? status.CheckpointEpoch,
        };
        return Volatile.Read(ref _published) is { } published ? published(status) : status;
    }
}
