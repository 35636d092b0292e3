using MusicClustering.Experiments;
using MusicClustering.Learning;

namespace MusicClustering.Integration.Tests.Patches;

/// <summary>The blob-backed patch source against real Azurite: every crop as the in-memory source cuts it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BlobPatchSourceTests(ClusterFixture fixture)
{
    private const int PatchFrames = 128;

    [Fact]
    public async Task Training_and_grid_crops_read_by_range_equal_the_in_memory_sources_including_padding()
    {
        // One track shorter than a patch (padded with its quietest value), one exactly a patch, two longer.
        var spectrograms = SyntheticLogMel.Generate(5, 50, 128, 300, 517);
        var manifestBlob = await SyntheticLogMel.StoreAsync(fixture.Store, $"patch-source-{Guid.NewGuid():N}", spectrograms);
        var manifest = await fixture.Store.ReadJsonAsync<PatchManifest>(manifestBlob);
        var expected = new InMemoryPatchSource(spectrograms);
        using var actual = new BlobPatchSource(fixture.Store, manifest);

        Assert.Equal(expected.Bands, actual.Bands);
        Assert.Equal(expected.TrackFrames, actual.TrackFrames);
        IReadOnlyList<PatchRef[]>[] plans =
        [
            PatchPlan.Training(actual.TrackFrames, PatchFrames, tracksPerBatch: 3, patchesPerTrack: 2, seed: 1, epoch: 4),
            PatchPlan.Grid(actual.TrackFrames, PatchFrames, hopFrames: 64, batchSize: 5),
        ];
        foreach (var plan in plans)
        {
            var want = expected.Read(plan, PatchFrames, CancellationToken.None).ToList();
            var got = actual.Read(plan, PatchFrames, CancellationToken.None).ToList();
            Assert.Equal(plan.Count, got.Count);
            for (var b = 0; b < want.Count; b++)
            {
                Assert.Equal(want[b].Refs, got[b].Refs);
                Assert.Equal(want[b].Values, got[b].Values);
            }
        }

        Assert.Contains(plans[1].SelectMany(b => b), p => p.Track == 0);
        Assert.Equal(spectrograms[0].Values.Min(), manifest.Tracks[0].Floor);
    }
}
