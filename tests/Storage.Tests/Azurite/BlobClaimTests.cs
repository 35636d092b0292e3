using MusicClustering.Contracts;

namespace MusicClustering.Storage.Tests;

/// <summary>The ETag-chain claim against a real Azurite: one holder at a time, takeovers fence the old holder out.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobClaimTests(AzuriteFixture fixture)
{
    private const string Container = BlobContainers.Experiments;
    private readonly ArtifactStore _store = fixture.Store;

    private static string UniqueName() => $"claim-{Guid.NewGuid():N}/status.json";

    private static BinaryData Content(string owner) => BinaryData.FromString($"{{\"owner\":\"{owner}\"}}");

    [Fact]
    public async Task Only_the_first_creator_holds_a_new_claim()
    {
        var name = UniqueName();
        var first = await BlobClaim.TryCreateAsync(_store, new BlobRef(Container, name), Content("a"));
        var second = await BlobClaim.TryCreateAsync(_store, new BlobRef(Container, name), Content("b"));

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal("{\"owner\":\"a\"}", (await _store.DownloadAsync(Container, name)).ToString());
    }

    [Fact]
    public async Task The_holder_keeps_writing_until_someone_takes_over_and_is_then_fenced_out()
    {
        var name = UniqueName();
        var holder = (await BlobClaim.TryCreateAsync(_store, new BlobRef(Container, name), Content("a")))!;
        Assert.True(await holder.TryWriteAsync(Content("a-1")));
        Assert.True(await holder.TryWriteAsync(Content("a-2")));

        var seen = (await _store.TryDownloadAsync(Container, name))!.Value;
        var taker = await BlobClaim.TryTakeOverAsync(_store, new BlobRef(Container, name), seen.ETag, Content("b"));
        Assert.NotNull(taker);

        Assert.False(await holder.TryWriteAsync(Content("a-3")));
        Assert.True(holder.IsLost);
        Assert.False(await holder.TryWriteAsync(Content("a-4")));
        Assert.True(await taker.TryWriteAsync(Content("b-1")));
        Assert.Equal("{\"owner\":\"b-1\"}", (await _store.DownloadAsync(Container, name)).ToString());
    }

    [Fact]
    public async Task A_takeover_against_a_stale_etag_fails_because_the_holder_wrote_since()
    {
        var name = UniqueName();
        var holder = (await BlobClaim.TryCreateAsync(_store, new BlobRef(Container, name), Content("a")))!;
        var stale = (await _store.TryDownloadAsync(Container, name))!.Value.ETag;
        Assert.True(await holder.TryWriteAsync(Content("a-heartbeat")));

        Assert.Null(await BlobClaim.TryTakeOverAsync(_store, new BlobRef(Container, name), stale, Content("b")));
        Assert.True(await holder.TryWriteAsync(Content("a-again")));
    }

    [Fact]
    public async Task Of_rivals_taking_over_at_once_exactly_one_wins()
    {
        var name = UniqueName();
        await BlobClaim.TryCreateAsync(_store, new BlobRef(Container, name), Content("dead"));
        var seen = (await _store.TryDownloadAsync(Container, name))!.Value.ETag;

        var rivals = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            BlobClaim.TryTakeOverAsync(_store, new BlobRef(Container, name), seen, Content($"rival-{i}"))));

        var winners = rivals.Where(r => r is not null).ToList();
        Assert.Single(winners);
        Assert.True(await winners[0]!.TryWriteAsync(Content("winner")));
    }

    [Fact]
    public async Task Concurrent_writes_by_one_holder_are_serialised_and_never_fence_itself_out()
    {
        var name = UniqueName();
        var holder = (await BlobClaim.TryCreateAsync(_store, new BlobRef(Container, name), Content("a")))!;

        var writes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => holder.TryWriteAsync(Content($"a-{i}"))));

        Assert.All(writes, Assert.True);
        Assert.False(holder.IsLost);
        Assert.Equal(holder.ETag, (await _store.TryDownloadAsync(Container, name))!.Value.ETag);
    }

    [Fact]
    public async Task An_observer_reports_a_lapse_only_after_the_blob_stayed_unchanged_for_the_lapse_time()
    {
        var name = UniqueName();
        var lapse = TimeSpan.FromMilliseconds(600);
        var holder = (await BlobClaim.TryCreateAsync(_store, new BlobRef(Container, name), Content("a")))!;
        var observer = new ClaimObserver(_store, new BlobRef(Container, name), lapse);

        var first = await observer.ObserveAsync();
        Assert.NotNull(first);
        Assert.False(first.Lapsed);

        // A heartbeat inside the lapse window restarts the measurement.
        await Task.Delay(lapse / 2);
        Assert.True(await holder.TryWriteAsync(Content("a-1")));
        await Task.Delay(lapse / 2 + TimeSpan.FromMilliseconds(100));
        var afterHeartbeat = await observer.ObserveAsync();
        Assert.False(afterHeartbeat!.Lapsed, $"a heartbeat {afterHeartbeat.Unchanged} ago must not read as a lapse");

        await Task.Delay(lapse + TimeSpan.FromMilliseconds(100));
        var silent = await observer.ObserveAsync();
        Assert.True(silent!.Lapsed, $"unchanged for {silent.Unchanged}, past the {lapse} lapse");
        Assert.Equal(holder.ETag, silent.ETag);
    }

    [Fact]
    public async Task An_observer_of_a_missing_blob_sees_nothing()
    {
        var observer = new ClaimObserver(_store, new BlobRef(Container, UniqueName()), TimeSpan.FromSeconds(1));
        Assert.Null(await observer.ObserveAsync());
    }
}
