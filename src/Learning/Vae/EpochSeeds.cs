namespace MusicClustering.Learning;

/// <summary>
/// Derives each epoch's seed from the run seed alone, so an epoch's shuffling and sampling noise do not depend on
/// what ran before: a resumed run replays exactly what an uninterrupted one would have done.
/// </summary>
internal static class EpochSeeds
{
    public static int For(int seed, int epoch) => unchecked((seed * 1_000_003) + (epoch * 7919) + 17);
}
