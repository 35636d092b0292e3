using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace MusicClustering.Grains.Training;

/// <summary>
/// Takes checkpoints from the training thread and uploads them in the background, newest first: when an upload is
/// slower than training, older pending checkpoints are dropped, since only the latest one is ever resumed from.
/// One uploader serves every model kind: it is given how to serialise a checkpoint and read its epoch.
/// </summary>
internal sealed class CheckpointUploader<TCheckpoint>
{
    private readonly Channel<TCheckpoint> _pending = Channel.CreateBounded<TCheckpoint>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true });

    private readonly TrainingRunStore _runs;
    private readonly ILogger _logger;
    private readonly Func<TCheckpoint, byte[]> _toBytes;
    private readonly Func<TCheckpoint, int> _epochOf;
    private readonly Task _drain;
    private int _uploadedEpoch;

    public CheckpointUploader(TrainingRunStore runs, ILogger logger, int uploadedEpoch, Func<TCheckpoint, byte[]> toBytes, Func<TCheckpoint, int> epochOf)
    {
        _runs = runs;
        _logger = logger;
        _toBytes = toBytes;
        _epochOf = epochOf;
        _uploadedEpoch = uploadedEpoch;

        // The thread pool, not the grain scheduler: the store needs no grain context and training must not wait on it.
        _drain = Task.Run(DrainAsync);
    }

    /// <summary>The epoch of the newest checkpoint known to be in storage.</summary>
    public int UploadedEpoch => Volatile.Read(ref _uploadedEpoch);

    /// <summary>Called on the training thread; never blocks.</summary>
    public void Post(TCheckpoint checkpoint) => _pending.Writer.TryWrite(checkpoint);

    /// <summary>Uploads what is still pending and stops.</summary>
    public Task CompleteAsync()
    {
        _pending.Writer.TryComplete();
        return _drain;
    }

    private async Task DrainAsync()
    {
        await foreach (var checkpoint in _pending.Reader.ReadAllAsync())
        {
            try
            {
                await _runs.SaveCheckpointAsync(_toBytes(checkpoint), CancellationToken.None);
                Volatile.Write(ref _uploadedEpoch, _epochOf(checkpoint));
            }
            catch (Exception ex)
            {
                // A lost checkpoint only costs recomputation after a crash; training goes on.
                _logger.LogWarning(ex, "Could not store the epoch {Epoch} checkpoint of run {RunId}", _epochOf(checkpoint), _runs.Blobs.RunId);
            }
        }
    }
}
