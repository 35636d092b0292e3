using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Experiments;

/// <summary>
/// Patches read from the log-mel blobs of a <see cref="PatchManifest"/>, one ranged read per crop (the blobs are
/// frame-major). The planned batches are fetched <see cref="Lookahead"/> ahead of the training thread, so at most that
/// many batches are in memory and the training set never is.
/// </summary>
public sealed class BlobPatchSource(ArtifactStore store, PatchManifest manifest) : IPatchSource, IDisposable
{
    private const int Lookahead = 4;
    private const int MaxReadsInFlight = 16;

    private readonly SemaphoreSlim _reads = new(MaxReadsInFlight);

    public int Bands => manifest.Bands;

    public IReadOnlyList<int> TrackFrames { get; } = [.. manifest.Tracks.Select(t => t.Frames)];

    public void Dispose() => _reads.Dispose();

    public IEnumerable<PatchBatch> Read(IReadOnlyList<PatchRef[]> batches, int patchFrames, CancellationToken cancellationToken)
    {
        var pending = new Queue<Task<PatchBatch>>();
        var next = 0;
        while (next < batches.Count || pending.Count > 0)
        {
            while (next < batches.Count && pending.Count < Lookahead)
            {
                pending.Enqueue(ReadBatchAsync(batches[next++], patchFrames, cancellationToken));
            }

            // The training thread is dedicated: blocking it while the next batch arrives is the point.
            yield return pending.Dequeue().GetAwaiter().GetResult();
        }
    }

    private async Task<PatchBatch> ReadBatchAsync(PatchRef[] refs, int patchFrames, CancellationToken cancellationToken)
    {
        var values = new float[refs.Length * Bands * patchFrames];
        await Task.WhenAll(refs.Select((patch, i) => ReadPatchAsync(patch, patchFrames, values.AsMemory(i * Bands * patchFrames, Bands * patchFrames), cancellationToken)));
        return new PatchBatch(values, refs, Bands, patchFrames);
    }

    private async Task ReadPatchAsync(PatchRef patch, int patchFrames, Memory<float> destination, CancellationToken cancellationToken)
    {
        var track = manifest.Tracks[patch.Track];
        var available = Math.Clamp(track.Frames - patch.StartFrame, 0, patchFrames);
        byte[] bytes = [];
        if (available > 0)
        {
            await _reads.WaitAsync(cancellationToken);
            try
            {
                bytes = (await store.DownloadRangeAsync(
                    track.LogMel, LogMelBlobs.Offset(patch.StartFrame, Bands), available * Bands * sizeof(float), cancellationToken)).ToArray();
            }
            finally
            {
                _reads.Release();
            }
        }

        // Frame-major in storage, [band, frame] in a patch; frames past the end read as the track's quietest value.
        var frames = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes);
        var target = destination.Span;
        target.Fill(track.Floor);
        for (var frame = 0; frame < available; frame++)
        {
            for (var band = 0; band < Bands; band++)
            {
                target[(band * patchFrames) + frame] = frames[(frame * Bands) + band];
            }
        }
    }
}
