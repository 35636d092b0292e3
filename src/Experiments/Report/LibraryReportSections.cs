using System.Globalization;
using System.Text.Json;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Experiments.Library;

namespace MusicClustering.Experiments.Report;

/// <summary>The report's library part, built from a <see cref="ReportLibrary"/>: the cluster lists and the map's script and data.</summary>
public static class LibraryReportSections
{
    public static IReadOnlyList<ReportCluster> Clusters(ReportLibrary library)
    {
        var tracks = library.Index.Tracks;
        return library.Index.Clusters.Select(cluster =>
        {
            var representatives = cluster.Representatives.ToList();
            var members = Enumerable.Range(0, tracks.Count)
                .Where(i => tracks[i].Cluster == cluster.Cluster)
                .OrderBy(i => representatives.IndexOf(tracks[i].Track) is var rank and >= 0 ? rank : representatives.Count)
                .ThenBy(i => tracks[i].Path, StringComparer.Ordinal)
                .Select(i => new ReportTrack(i, tracks[i].Path, tracks[i].Tags?.Title, tracks[i].Tags?.Artist, representatives.Contains(tracks[i].Track)))
                .ToList();
            return new ReportCluster($"{Name(cluster.Cluster)} ({members.Count} tracks)", cluster.Distinctive.Select(Describe).ToList(), members);
        }).ToList();
    }

    public static ReportScript Script(ReportLibrary library, string? mapCaption)
    {
        var index = library.Index;
        var points = index.Tracks.Select((track, i) => new ReportPoint(
            track.Track,
            track.Path,
            track.Tags?.Title,
            track.Tags?.Artist,
            track.Cluster,
            library.Map?[i][0],
            library.Map?[i][1],
            library.AudioUrls?.GetValueOrDefault(track.Track))).ToList();
        var clusters = index.Clusters
            .Select(c => new ReportDataCluster(c.Cluster, c.Size, $"{Name(c.Cluster)}: {string.Join(", ", c.Distinctive.Select(Describe))}"))
            .ToList();
        var json = JsonSerializer.Serialize(new ReportData(points, clusters), ResultsJson.Compact);
        return new ReportScript(json, ReportAssets.Script, ReportAssets.Css, library.Map is null ? null : mapCaption);
    }

    private static string Name(int cluster) => cluster < 0 ? "Noise" : $"Cluster {cluster.ToString(CultureInfo.InvariantCulture)}";

    private static string Describe(DistinctiveDescriptor descriptor) =>
        $"{descriptor.Descriptor} {descriptor.Z.ToString("+0.00;−0.00", CultureInfo.InvariantCulture)} z";
}
