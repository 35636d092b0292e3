namespace MusicClustering.Experiments;

/// <summary>
/// How an updated clustering (<c>--update-from</c>) differs from the run it updates, in that run's cluster ids:
/// tracks both runs clustered that kept or changed their cluster, tracks only the new run has, and tracks it no longer
/// has. <c>kept + moved</c> is the earlier run's tracks still present.
/// </summary>
public sealed record ClusterDrift(int Kept, int Moved, int New, int Removed, IReadOnlyList<ClusterDrift.MovedTrack> MovedTracks)
{
    /// <summary>A track clustered by both runs whose cluster changed.</summary>
    public sealed record MovedTrack(string Track, int From, int To);

    /// <param name="clusters">The new run's (already mapped) cluster of each track, by id.</param>
    /// <param name="previous">The earlier run's cluster of each track, by id.</param>
    public static ClusterDrift Between(IReadOnlyDictionary<string, int> clusters, IReadOnlyDictionary<string, int> previous)
    {
        var moved = clusters
            .Where(p => previous.TryGetValue(p.Key, out var from) && from != p.Value)
            .Select(p => new MovedTrack(p.Key, previous[p.Key], p.Value))
            .OrderBy(m => m.Track, StringComparer.Ordinal)
            .ToList();
        var shared = clusters.Keys.Count(previous.ContainsKey);
        return new ClusterDrift(shared - moved.Count, moved.Count, clusters.Count - shared, previous.Count - shared, moved);
    }
}
