namespace MusicClustering.Experiments;

/// <summary>
/// What <c>--update-from</c> did: the experiment it updates, whether that run's model was <c>reused</c> or
/// <c>refitted</c> and why, and on how many shared tracks the cluster ids were matched.
/// </summary>
public sealed record UpdateSection(string From, string Model, string Reason, int SharedTracks)
{
    public const string Refitted = "refitted";

    /// <summary>The only mode built: every stage fits anew on the grown dataset, then ids are mapped onto the earlier run's.</summary>
    public static UpdateSection Refit(string from, int sharedTracks) => new(
        from,
        Refitted,
        "the scaler, representation and cluster model were fitted anew on the grown dataset (reusing the earlier model is not built); "
        + $"cluster ids were mapped onto {from}'s by their overlap on the {sharedTracks} shared tracks (Hungarian matching)",
        sharedTracks);
}
