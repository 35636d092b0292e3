namespace MusicClustering.Contracts;

/// <summary>
/// What an update (<c>--update-from</c>) does with the earlier run's model (<c>update_model</c>, <c>--update-model</c>):
/// fit everything anew on the grown dataset, or reuse that run's scaler, representation and centroids.
/// </summary>
public static class UpdateModels
{
    /// <summary>The default: scaler, representation and clustering fitted anew, ids mapped by overlap.</summary>
    public const string Refit = "refit";

    /// <summary>No training: every track is carried into the earlier run's space and takes its nearest centroid's cluster.</summary>
    public const string Reuse = "reuse";

    public static readonly string[] All = [Refit, Reuse];
}
