namespace MusicClustering.Learning;

/// <summary>Which patches each mini-batch holds: seeded random crops for training, a regular grid for embedding.</summary>
public static class PatchPlan
{
    /// <summary>
    /// One epoch: tracks shuffled by the epoch's seed, <paramref name="tracksPerBatch"/> tracks per batch and
    /// <paramref name="patchesPerTrack"/> crops per track at independent uniform start frames (consecutive in the batch).
    /// It depends only on seed and epoch, so a resumed run replays the epochs an uninterrupted one would have run.
    /// </summary>
    public static IReadOnlyList<PatchRef[]> Training(
        IReadOnlyList<int> trackFrames, int patchFrames, int tracksPerBatch, int patchesPerTrack, int seed, int epoch)
    {
        var random = new Random(EpochSeeds.For(seed, epoch));
        var order = Enumerable.Range(0, trackFrames.Count).ToArray();
        random.Shuffle(order);
        var batches = new List<PatchRef[]>();
        for (var start = 0; start < order.Length; start += tracksPerBatch)
        {
            var tracks = order.AsSpan(start, Math.Min(tracksPerBatch, order.Length - start));
            var batch = new PatchRef[tracks.Length * patchesPerTrack];
            for (var t = 0; t < tracks.Length; t++)
            {
                var positions = Math.Max(1, trackFrames[tracks[t]] - patchFrames + 1);
                for (var p = 0; p < patchesPerTrack; p++)
                {
                    batch[(t * patchesPerTrack) + p] = new PatchRef(tracks[t], random.Next(positions));
                }
            }

            batches.Add(batch);
        }

        return batches;
    }

    /// <summary>Every track's patches every <paramref name="hopFrames"/> frames (at least one per track), in track order.</summary>
    public static IReadOnlyList<PatchRef[]> Grid(IReadOnlyList<int> trackFrames, int patchFrames, int hopFrames, int batchSize)
    {
        var all = new List<PatchRef>();
        for (var track = 0; track < trackFrames.Count; track++)
        {
            var last = Math.Max(0, trackFrames[track] - patchFrames);
            for (var start = 0; start <= last; start += hopFrames)
            {
                all.Add(new PatchRef(track, start));
            }
        }

        return [.. all.Chunk(batchSize)];
    }
}
