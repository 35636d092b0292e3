using MusicClustering.Grains.Features;

namespace MusicClustering.Integration.Tests.Features;

/// <summary>When a silo's open shard batch is written: the quiet after its last track, capped by the linger.</summary>
public sealed class ShardBatchDueTests
{
    private static readonly ShardBatchDue Due = new(Linger: TimeSpan.FromMilliseconds(400), Quiet: TimeSpan.FromMilliseconds(25));

    [Fact]
    public void A_batch_whose_tracks_stopped_arriving_is_due_after_the_quiet()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(15), Due.Remaining(sinceOpened: TimeSpan.FromMilliseconds(40), sinceLastTrack: TimeSpan.FromMilliseconds(10)));
        Assert.True(Due.Remaining(TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(30)) <= TimeSpan.Zero);
    }

    [Fact]
    public void Tracks_arriving_without_pause_keep_a_batch_open_only_until_the_linger()
    {
        // A track joined 2 ms ago, so the quiet rule alone would wait 23 ms more; the linger has 5 ms left.
        Assert.Equal(TimeSpan.FromMilliseconds(5), Due.Remaining(TimeSpan.FromMilliseconds(395), TimeSpan.FromMilliseconds(2)));
        Assert.True(Due.Remaining(TimeSpan.FromMilliseconds(401), TimeSpan.Zero) <= TimeSpan.Zero);
    }
}
