using System.Diagnostics;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Features;

/// <summary>
/// Collects the segment rows and coverage of the tracks a silo extracts and writes them a shard at a time, many tracks
/// to a shard, instead of blobs per track: the rows as one matrix blob, then the tracks' coverage beside it
/// (<see cref="FeatureCoverageIndex"/>), whose presence is what makes them cached. A batch is written when it holds
/// <see cref="MaxRowsPerShard"/> rows, when no track has joined it for <see cref="ShardBatchDue.Quiet"/> (the silo's
/// queue has drained), or <see cref="ShardBatchDue.Linger"/> after it opened, whichever comes first (<see cref="Due"/>);
/// every caller waits for its batch to be stored, so a reply never names rows that are not durable (a failed write
/// fails every track of the batch, and each is retried).
/// </summary>
/// <remarks>
/// Each shard is two blob writes, and a write costs the blob store far more than its bytes: a cold 1000-clip run on
/// two silos wrote about 100 shards with a 50 ms linger, and Azurite spent 0.3 of a core for the whole feature stage.
/// Under load tracks arrive every few milliseconds, so the quiet rule keeps a batch open until the linger; the
/// experiment keeps enough tracks in flight that the ones waiting on a batch never starve the extractors.
/// </remarks>
public sealed class FeatureShardWriter(ArtifactStore store, ILocalSiloDetails silo)
{
    public const int MaxRowsPerShard = 1024;
    public static readonly ShardBatchDue Due = new(Linger: TimeSpan.FromMilliseconds(400), Quiet: TimeSpan.FromMilliseconds(25));
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    // A silo name is reused after a restart; the process-unique suffix keeps a restarted silo from overwriting shards.
    private readonly string _writer = $"{BlobNames.SafeSegment(silo.Name)}-{Guid.NewGuid().ToString("N")[..8]}";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Batch> _open = [];
    private long _sequence;

    /// <summary>
    /// Appends one track's rows (all of length <paramref name="cols"/>) and its coverage, and returns the coverage as
    /// stored (naming its shard and first row) once the shard and its coverage are.
    /// </summary>
    public async Task<FeatureCoverage> AppendAsync(
        string featureConfigKey, string audioSha256, FeatureCoverage coverage, IReadOnlyList<float[]> rows, int cols)
    {
        Batch batch;
        FeatureCoverage placed;
        var full = false;
        lock (_gate)
        {
            if (!_open.TryGetValue(featureConfigKey, out batch!) || batch.Cols != cols)
            {
                batch = new Batch(new BlobRef(BlobContainers.Features, BlobNames.FeatureShard(featureConfigKey, _writer, ++_sequence)), cols);
                _open[featureConfigKey] = batch;
                _ = FlushLaterAsync(featureConfigKey, batch);
            }

            placed = batch.Add(audioSha256, coverage, rows);
            if (batch.RowCount >= MaxRowsPerShard)
            {
                _open.Remove(featureConfigKey);
                full = true;
            }
        }

        if (full)
        {
            _ = Task.Run(() => FlushAsync(batch));
        }

        await batch.Stored.Task.ConfigureAwait(false);
        return placed;
    }

    private async Task FlushLaterAsync(string featureConfigKey, Batch batch)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                if (!_open.TryGetValue(featureConfigKey, out var open) || open != batch)
                {
                    return;
                }

                wait = batch.UntilDue();
                if (wait <= TimeSpan.Zero)
                {
                    _open.Remove(featureConfigKey);
                    break;
                }
            }

            // Task.Delay truncates to whole milliseconds: a shorter wait would complete at once and spin.
            await Task.Delay(wait < MinimumWait ? MinimumWait : wait).ConfigureAwait(false);
        }

        await FlushAsync(batch).ConfigureAwait(false);
    }

    private async Task FlushAsync(Batch batch)
    {
        try
        {
            var (data, rows) = batch.Seal();
            await store.WriteMatrixAsync(batch.Blob, data, rows, batch.Cols, CancellationToken.None).ConfigureAwait(false);
            await FeatureCoverageIndex.WriteAsync(store, batch.Blob, batch.Tracks, CancellationToken.None).ConfigureAwait(false);
            batch.Stored.TrySetResult();
        }
        catch (Exception ex)
        {
            batch.Stored.TrySetException(ex);
        }
    }

    private sealed class Batch(BlobRef blob, int cols)
    {
        private readonly List<float[]> _rows = [];
        private readonly List<FeatureCoverageIndex.Track> _tracks = [];
        private readonly long _openedAt = Stopwatch.GetTimestamp();
        private long _lastAddedAt = Stopwatch.GetTimestamp();

        public BlobRef Blob { get; } = blob;
        public int Cols { get; } = cols;
        public int RowCount => _rows.Count;
        public IReadOnlyList<FeatureCoverageIndex.Track> Tracks => _tracks;
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Called under the writer's lock.</summary>
        public FeatureCoverage Add(string audioSha256, FeatureCoverage coverage, IReadOnlyList<float[]> rows)
        {
            var placed = coverage with { Shard = Blob.Name, ShardFirstRow = _rows.Count };
            _lastAddedAt = Stopwatch.GetTimestamp();
            _rows.AddRange(rows);
            _tracks.Add(new FeatureCoverageIndex.Track(audioSha256, placed));
            return placed;
        }

        /// <summary>Called under the writer's lock.</summary>
        public TimeSpan UntilDue() => Due.Remaining(Stopwatch.GetElapsedTime(_openedAt), Stopwatch.GetElapsedTime(_lastAddedAt));

        /// <summary>Called once the batch left the open set, so no row is added any more.</summary>
        public (float[] Data, int Rows) Seal()
        {
            var data = new float[_rows.Count * Cols];
            for (var r = 0; r < _rows.Count; r++)
            {
                _rows[r].CopyTo(data, r * Cols);
            }

            return (data, _rows.Count);
        }
    }
}
