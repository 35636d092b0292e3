using MusicClustering.Experiments.Library;

namespace MusicClustering.Experiments.Report;

/// <summary>
/// What the report shows of an experiment's tracks: its library index (paths, tags, clusters, profiles), the t-SNE
/// points in the index's track order (null without t-SNE), and where each track can be listened to, by track id
/// (a signed URL the storage layer made; a track without one plays from its relative path beside the library).
/// </summary>
public sealed record ReportLibrary(LibraryIndex Index, double[][]? Map, IReadOnlyDictionary<string, string>? AudioUrls = null)
{
    public double[][]? Map { get; } = Map is null || Map.Length == Index.Tracks.Count
        ? Map
        : throw new ArgumentException($"the map has {Map.Length} points for {Index.Tracks.Count} tracks", nameof(Map));
}
