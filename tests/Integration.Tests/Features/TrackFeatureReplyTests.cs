using MusicClustering.Audio;
using MusicClustering.Client.Ingest;
using MusicClustering.Contracts;
using MusicClustering.Grains.Features;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Features;

/// <summary>
/// A track grain's reply carries its feature vector (so the experiment reads no blob per track), and its segment rows
/// land in shard blobs shared by many tracks of a silo, not one blob per track.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TrackFeatureReplyTests(ClusterFixture fixture) : IDisposable
{
    private const string Dataset = "reply";
    private readonly string _corpus = Directory.CreateTempSubdirectory("mc-reply-").FullName;

    [Fact]
    public async Task Reply_carries_the_stored_vector_and_segment_rows_sit_in_shared_shards()
    {
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 2, PerGenre: 8, Seconds: 2.5, Seed: 1117), _corpus);
        await new DatasetIngestor(fixture.Store, fixture.Client).IngestAsync(Dataset, DatasetScanner.Scan(_corpus), null, null, CancellationToken.None);
        var manifest = await fixture.Store.ReadJsonAsync<DatasetManifest>(new BlobRef(BlobContainers.Datasets, BlobNames.Manifest(Dataset)));
        const string config = "stats";

        var key = FeatureConfig.Parse(config).CacheKey;
        var cold = await ExtractAllAsync(manifest, config, null);
        // As the experiment's feature stage does: the cache is read once, and each request carries what it found.
        var listing = await FeatureCoverageIndex.ListAsync(fixture.Store, key, CancellationToken.None);
        var cached = await ExtractAllAsync(manifest, config, listing);

        Assert.All(cold, r => Assert.True(r.Succeeded && !r.Cached, $"{r.TrackId}: {r.FailureReason} {r.FailureMessage}"));
        Assert.All(cached, r => Assert.True(r.Cached, $"{r.TrackId} was extracted twice"));
        foreach (var ((first, again), track) in cold.Zip(cached).Zip(manifest.Tracks))
        {
            // A vector that fits in a reply is cached inside the track's coverage, which sits in its shard's coverage
            // blob: no vector blob and no coverage blob of the track's own.
            var stored = listing.Coverage(track.Sha256);
            Assert.NotNull(stored);
            Assert.False(await fixture.Store.ExistsAsync(BlobContainers.Features, BlobNames.Features(key, track.Sha256)));
            Assert.False(await fixture.Store.ExistsAsync(BlobContainers.Features, BlobNames.FeatureCoverage(key, track.Sha256)));
            Assert.Equal(first.SegmentFeatures!.Name, stored.Shard);
            Assert.Equal(first.SegmentFirstRow, stored.ShardFirstRow);
            Assert.NotNull(first.Vector);
            Assert.Equal(stored.Vector, again.Vector);
            Assert.Equal(first.SegmentFeatures, again.SegmentFeatures);
            Assert.Equal(first.SegmentFirstRow, again.SegmentFirstRow);
            Assert.True(first.Segments >= 1);

            var shard = await fixture.Store.ReadMatrixAsync(first.SegmentFeatures!);
            Assert.Equal(first.Dimension, shard.Cols);
            Assert.InRange(first.SegmentFirstRow + first.Segments, 1, shard.Rows);
        }

        // No per-track segments blob is written; each shard's rows are exactly the rows of the tracks that name it,
        // without gap or overlap (how many tracks share a shard depends on timing, so it is not asserted).
        Assert.All(manifest.Tracks, t => Assert.False(
            fixture.Store.ExistsAsync(BlobContainers.Features, BlobNames.FeatureSegments(key, t.Sha256)).GetAwaiter().GetResult()));
        var shards = cold.GroupBy(r => r.SegmentFeatures!.Name).ToList();
        Assert.All(shards, g => Assert.Contains("/shards/", g.Key, StringComparison.Ordinal));
        foreach (var group in shards)
        {
            var rows = (await fixture.Store.ReadMatrixAsync(group.First().SegmentFeatures!)).Rows;
            var ranges = group.OrderBy(r => r.SegmentFirstRow).ToList();
            var next = 0;
            foreach (var r in ranges)
            {
                Assert.Equal(next, r.SegmentFirstRow);
                next += r.Segments;
            }

            Assert.Equal(rows, next);
        }
    }

    private async Task<List<TrackFeatureResult>> ExtractAllAsync(DatasetManifest manifest, string config, CachedFeatures? listing) =>
        [.. await Task.WhenAll(manifest.Tracks.Select(t => fixture.Client.GetGrain<ITrackGrain>($"{Dataset}/{t.Id}")
            .ExtractAsync(new TrackExtractionRequest(t.Audio, t.Sha256, t.File, config, Cached: listing?.Coverage(t.Sha256)))))];

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
