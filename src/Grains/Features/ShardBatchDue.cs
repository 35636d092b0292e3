namespace MusicClustering.Grains.Features;

/// <summary>
/// When an open shard batch is written (<see cref="FeatureShardWriter"/>): <paramref name="Linger"/> after it opened or
/// <paramref name="Quiet"/> after its last track joined, whichever comes first.
/// </summary>
public readonly record struct ShardBatchDue(TimeSpan Linger, TimeSpan Quiet)
{
    /// <summary>How long until the batch is due (zero or less: now).</summary>
    public TimeSpan Remaining(TimeSpan sinceOpened, TimeSpan sinceLastTrack)
    {
        var linger = Linger - sinceOpened;
        var quiet = Quiet - sinceLastTrack;
        return linger < quiet ? linger : quiet;
    }
}
