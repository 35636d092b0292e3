namespace MusicClustering.Experiments;

/// <summary>
/// What <c>--update-from</c> did: the experiment it updates, whether that run's model was <c>reused</c> or
/// <c>refitted</c> and why, and on how many shared tracks the cluster ids were matched.
/// </summary>
public sealed record UpdateSection(string From, string Model, string Reason, int SharedTracks)
{
    public const string Refitted = "refitted";

    public const string Reused = "reused";

    /// <summary>The default (<c>update_model: refit</c>): every stage fits anew on the grown dataset, then ids are mapped onto the earlier run's.</summary>
    public static UpdateSection Refit(string from, int sharedTracks) => new(
        from,
        Refitted,
        "the scaler, representation and cluster model were fitted anew on the grown dataset (update_model: refit); "
        + $"cluster ids were mapped onto {from}'s by their overlap on the {sharedTracks} shared tracks (Hungarian matching)",
        sharedTracks);

    /// <summary><c>update_model: reuse</c>: the earlier run's scaler, projection and centroids, no training, its ids.</summary>
    public static UpdateSection Reuse(string from, int sharedTracks) => new(
        from,
        Reused,
        $"{from}'s scaler, representation and cluster centroids were reused (update_model: reuse): nothing was trained or refitted; "
        + $"every track took the cluster of its nearest stored centroid, so ids are {from}'s own ({sharedTracks} shared tracks)",
        sharedTracks);
}
