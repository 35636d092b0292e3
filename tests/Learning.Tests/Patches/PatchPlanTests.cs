using MusicClustering.Audio;

namespace MusicClustering.Learning.Tests;

public sealed class PatchPlanTests
{
    private static readonly int[] Frames = [40, 16, 10, 64, 33];

    [Fact]
    public void A_training_epoch_visits_every_track_once_with_crops_inside_it_and_depends_only_on_seed_and_epoch()
    {
        var plan = PatchPlan.Training(Frames, patchFrames: 16, tracksPerBatch: 2, patchesPerTrack: 2, seed: 3, epoch: 5);

        Assert.Equal([4, 4, 2], plan.Select(b => b.Length));
        var refs = plan.SelectMany(b => b).ToList();
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3, 4, 4], refs.Select(r => r.Track).Order());
        Assert.All(refs, r => Assert.InRange(r.StartFrame, 0, Math.Max(0, Frames[r.Track] - 16)));
        Assert.All(plan.SelectMany(b => b.Chunk(2)), pair => Assert.Equal(pair[0].Track, pair[1].Track));
        Assert.Equal(refs, PatchPlan.Training(Frames, 16, 2, 2, 3, 5).SelectMany(b => b));
        Assert.NotEqual(refs, PatchPlan.Training(Frames, 16, 2, 2, 3, 6).SelectMany(b => b));
    }

    [Fact]
    public void The_embedding_grid_covers_each_track_at_the_hop_with_at_least_one_patch()
    {
        var plan = PatchPlan.Grid(Frames, patchFrames: 16, hopFrames: 8, batchSize: 4);
        var refs = plan.SelectMany(b => b).ToList();

        Assert.All(plan.SkipLast(1), b => Assert.Equal(4, b.Length));
        Assert.Equal([0, 8, 16, 24], refs.Where(r => r.Track == 0).Select(r => r.StartFrame));
        Assert.Equal([0], refs.Where(r => r.Track == 1).Select(r => r.StartFrame));
        Assert.Equal([0], refs.Where(r => r.Track == 2).Select(r => r.StartFrame));
        Assert.Equal(7, refs.Count(r => r.Track == 3));
    }

    [Fact]
    public void The_in_memory_source_copies_band_rows_and_pads_short_tracks_with_their_quietest_value()
    {
        var values = Enumerable.Range(0, 2 * 5).Select(i => (float)i).ToArray();
        var source = new InMemoryPatchSource([new LogMelSpectrogram(2, 5, values)]);

        var batch = source.Read([[new PatchRef(0, 3), new PatchRef(0, 1)]], patchFrames: 3, CancellationToken.None).Single();

        // Band 0 is 0..4, band 1 is 5..9; frames from 3 run past the end (padded with the minimum, 0).
        Assert.Equal([3, 4, 0, 8, 9, 0, 1, 2, 3, 6, 7, 8], batch.Values);
        Assert.Equal(2, batch.Count);
    }
}
