using MusicClustering.Contracts;
using MusicClustering.Grains.Features;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Features;

/// <summary>
/// The feature cache as the experiment reads it, against Azurite: shard coverage blobs and the per-track coverage JSON
/// of older caches are both found, a shard removed by hand leaves its tracks uncached, and other configs stay apart.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FeatureCoverageIndexTests(ClusterFixture fixture)
{
    private static readonly string ShardSha = new('a', 64);
    private static readonly string OtherShardSha = new('b', 64);
    private static readonly string LegacySha = new('c', 64);
    private static readonly string RemovedSha = new('d', 64);

    [Fact]
    public async Task Reads_shard_coverage_and_older_per_track_coverage_and_nothing_of_removed_shards_or_other_configs()
    {
        var key = $"coverage-index-{Guid.NewGuid():N}"[..24];
        var other = $"{key}-other";
        var shard = new BlobRef(BlobContainers.Features, BlobNames.FeatureShard(key, "silo-a", 1));
        var removed = new BlobRef(BlobContainers.Features, BlobNames.FeatureShard(key, "silo-b", 1));
        var kept = new FeatureCoverage(30, 30, 1, null, shard.Name, 0, [1f, 2f]);
        await FeatureCoverageIndex.WriteAsync(fixture.Store, shard, [new(ShardSha, kept), new(OtherShardSha, kept with { ShardFirstRow = 1 })], CancellationToken.None);
        await FeatureCoverageIndex.WriteAsync(fixture.Store, removed, [new(RemovedSha, kept with { Shard = removed.Name })], CancellationToken.None);
        await fixture.Store.DeleteIfExistsAsync(BlobContainers.Features, BlobNames.FeatureShardCoverage(removed.Name), CancellationToken.None);
        await fixture.Store.WriteJsonAsync(BlobContainers.Features, BlobNames.FeatureCoverage(key, LegacySha), new FeatureCoverage(30, 30, 1, null), CancellationToken.None);
        await FeatureCoverageIndex.WriteAsync(
            fixture.Store, new BlobRef(BlobContainers.Features, BlobNames.FeatureShard(other, "silo-a", 1)), [new(RemovedSha, kept)], CancellationToken.None);

        var cache = await FeatureCoverageIndex.ListAsync(fixture.Store, key, CancellationToken.None);

        var found = cache.Coverage(ShardSha);
        Assert.NotNull(found);
        Assert.Equal(kept, found with { Vector = kept.Vector });
        Assert.Equal([1f, 2f], found.Vector ?? []);
        Assert.Equal(1, cache.Coverage(OtherShardSha)!.ShardFirstRow);
        Assert.True(cache.Contains(LegacySha), "an older cache's per-track coverage still counts as cached");
        Assert.Null(cache.Coverage(LegacySha));
        Assert.False(cache.Contains(RemovedSha), "a shard whose coverage blob is gone caches nothing, and other configs are apart");
        Assert.True(cache.Contains(ShardSha.ToUpperInvariant()), "audio hashes compare without case");
    }
}
