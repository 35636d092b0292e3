using System.Globalization;
using MusicClustering.Experiments.Library;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Library;

/// <summary>One table per cluster: size, representative tracks (nearest the centroid) with paths and tags, distinctive descriptors.</summary>
internal static class ClusterTables
{
    public static void Write(IAnsiConsole console, LibraryIndex index)
    {
        var byId = index.Tracks.ToDictionary(t => t.Track, StringComparer.Ordinal);
        foreach (var cluster in index.Clusters)
        {
            var name = cluster.Cluster < 0 ? "noise" : $"cluster {cluster.Cluster}";
            var descriptors = string.Join(", ", cluster.Distinctive.Select(d => $"{d.Descriptor} {d.Z.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)} sd"));
            var table = new Table()
                .Title($"[bold]{name}[/]: {cluster.Size} tracks")
                .Caption($"distinctive: {Markup.Escape(descriptors)}");
            table.AddColumn("representative track");
            table.AddColumn("path");
            table.AddColumn("tags");
            foreach (var track in cluster.Representatives.Select(id => byId[id]))
            {
                var tags = track.Tags is { } t
                    ? string.Join(" · ", new[] { t.Display, t.Album, t.Genre, t.Year?.ToString(CultureInfo.InvariantCulture) }.Where(s => !string.IsNullOrEmpty(s)))
                    : "";
                table.AddRow(Markup.Escape(track.Track), Markup.Escape(track.Path), Markup.Escape(tags));
            }

            console.Write(table);
        }
    }
}
