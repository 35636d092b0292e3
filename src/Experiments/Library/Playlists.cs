using System.Globalization;
using System.Text;
using MusicClustering.Analysis;

namespace MusicClustering.Experiments.Library;

/// <summary>
/// One playlist per cluster: every member once, ordered as a smooth path (a nearest-neighbour chain from the medoid:
/// each next track is the nearest one not yet played), named after the cluster's genre tag or its distinctive descriptors.
/// </summary>
public static class Playlists
{
    public static IReadOnlyList<Playlist> Build(LibraryIndex index, double[][] space)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var playlists = new List<Playlist>();
        foreach (var cluster in index.Clusters)
        {
            var members = Enumerable.Range(0, index.Tracks.Count).Where(i => index.Tracks[i].Cluster == cluster.Cluster).ToList();
            var start = members.First(i => index.Tracks[i].Track == cluster.Medoid);
            var order = Chain(members, start, space);
            var name = Unique(FileName(index, cluster, members), used);
            playlists.Add(new Playlist(cluster.Cluster, name, order.Select(i => index.Tracks[i]).ToList()));
        }

        return playlists;
    }

    public static List<int> Chain(IReadOnlyList<int> members, int start, double[][] space)
    {
        var left = members.Where(m => m != start).ToList();
        var order = new List<int>(members.Count) { start };
        while (left.Count > 0)
        {
            var last = space[order[^1]];
            var next = left.MinBy(m => Distances.Euclidean(last, space[m]));
            left.Remove(next);
            order.Add(next);
        }

        return order;
    }

    /// <summary>The .m3u8 text: UTF-8, <c>#EXTINF:seconds,artist - title</c>, paths relative to the library root.</summary>
    public static string M3u8(Playlist playlist)
    {
        var text = new StringBuilder("#EXTM3U\n");
        foreach (var track in playlist.Tracks)
        {
            var seconds = track.Tags?.DurationSeconds is { } d ? (int)Math.Round(d) : -1;
            var title = track.Tags?.Display ?? Path.GetFileNameWithoutExtension(track.Path);
            text.Append(CultureInfo.InvariantCulture, $"#EXTINF:{seconds},{title}\n");
            text.Append(track.Path.Replace('\\', '/')).Append('\n');
        }

        return text.ToString();
    }

    private static string FileName(LibraryIndex index, LibraryCluster cluster, IReadOnlyList<int> members)
    {
        var prefix = cluster.Cluster < 0 ? "noise" : $"cluster-{cluster.Cluster:D2}";
        var genre = members.Select(i => index.Tracks[i].Tags?.Genre).Where(g => !string.IsNullOrWhiteSpace(g))
            .GroupBy(g => g!.Trim(), StringComparer.OrdinalIgnoreCase).MaxBy(g => g.Count());
        var words = genre is not null && genre.Count() * 2 >= members.Count
            ? genre.Key
            : string.Join(' ', cluster.Distinctive.Take(2).Select(d => $"{(d.Z >= 0 ? "high" : "low")} {d.Descriptor}"));
        var slug = Slug(words);
        return slug.Length == 0 ? prefix : $"{prefix}-{slug}";
    }

    private static string Slug(string words)
    {
        var slug = new StringBuilder();
        foreach (var c in words.Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            slug.Append(char.IsLetterOrDigit(c) ? c : '-');
        }

        var text = slug.ToString();
        while (text.Contains("--", StringComparison.Ordinal))
        {
            text = text.Replace("--", "-", StringComparison.Ordinal);
        }

        text = text.Trim('-');
        return text.Length > 60 ? text[..60].TrimEnd('-') : text;
    }

    private static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{name}-{n}";
        }

        return candidate + ".m3u8";
    }
}

/// <summary>A cluster's playlist: its file name and its tracks in play order.</summary>
public sealed record Playlist(int Cluster, string File, IReadOnlyList<LibraryTrack> Tracks);
