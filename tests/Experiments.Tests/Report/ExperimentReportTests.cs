using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MusicClustering.Experiments.Tests.Report;

/// <summary>Issue 15: report.html is self-contained, names every track, and no file name can break out of its text.</summary>
public sealed partial class ExperimentReportTests
{
    [Fact]
    public void The_data_block_holds_one_point_per_track_with_its_path_cluster_and_map_position()
    {
        var (results, library) = ReportFixtures.Evaluate();

        var html = ExperimentReport.Render(results, library);

        var points = Data(html)["points"]!.AsArray();
        Assert.Equal(library.Index.Tracks.Count, points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var track = library.Index.Tracks[i];
            Assert.Equal(track.Track, (string)points[i]!["track"]!);
            Assert.Equal(track.Path, (string)points[i]!["path"]!);
            Assert.Equal(track.Cluster, (int)points[i]!["cluster"]!);
            Assert.Equal(library.Map![i][0], (double)points[i]!["x"]!, 1e-12);
            Assert.Equal(library.Map![i][1], (double)points[i]!["y"]!, 1e-12);
        }

        Assert.Equal(library.Index.Clusters.Count, Data(html)["clusters"]!.AsArray().Count);
        Assert.Contains("id=\"map\"", html, StringComparison.Ordinal);
        Assert.Contains("<audio id=\"player\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_file_name_is_escaped_in_the_lists_and_in_the_data()
    {
        var (results, library) = ReportFixtures.Evaluate();

        var html = ExperimentReport.Render(results, library);

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("evil/&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;.mp3", html, StringComparison.Ordinal);
        // Exactly the page's two script elements open and close: the data cannot end its block early.
        Assert.Equal(2, Regex.Count(html, "<script", RegexOptions.IgnoreCase));
        Assert.Equal(2, Regex.Count(html, "</script", RegexOptions.IgnoreCase));
        // And the data still reads back as the hostile name itself.
        Assert.Contains(Data(html)["points"]!.AsArray(), p => (string)p!["path"]! == ReportFixtures.HostilePath);
    }

    [Fact]
    public void The_page_references_nothing_on_the_network()
    {
        var (results, library) = ReportFixtures.Evaluate(audioUrls: new Dictionary<string, string> { ["t01"] = "http://127.0.0.1:10000/devstoreaccount1/datasets/a.mp3?sp=r&sig=x" });

        var html = ExperimentReport.Render(results, library);

        Assert.Empty(ExternalReferences().Matches(html));
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        // The signed URL is data for the audio element, not a reference the page loads by itself.
        var points = Data(html)["points"]!.AsArray();
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/datasets/a.mp3?sp=r&sig=x", (string)points.Single(p => (string)p!["track"]! == "t01")!["audio"]!);
        Assert.Null(points.Single(p => (string)p!["track"]! == "t02")!["audio"]);
    }

    [Fact]
    public void Every_cluster_lists_its_tracks_with_paths_and_its_distinctive_descriptors()
    {
        var (results, library) = ReportFixtures.Evaluate();

        var html = ExperimentReport.Render(results, library);

        foreach (var cluster in library.Index.Clusters)
        {
            Assert.Contains($"Cluster {cluster.Cluster} ({cluster.Size} tracks)", html, StringComparison.Ordinal);
            Assert.Contains(cluster.Distinctive[0].Descriptor, html, StringComparison.Ordinal);
        }

        foreach (var track in library.Index.Tracks.Skip(1))
        {
            Assert.Contains(track.Path, html, StringComparison.Ordinal);
        }

        Assert.Equal(library.Index.Tracks.Count, Regex.Count(html, "data-play=\""));
        Assert.Contains("Song &lt;b&gt;t02&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Band &amp; Co", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_metrics_are_explained_in_plain_words_and_label_metrics_only_with_labels()
    {
        var (results, library) = ReportFixtures.Evaluate();

        var html = ExperimentReport.Render(results, library);

        Assert.Contains("What the metrics mean", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Silhouette</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Davies–Bouldin</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Baselines</dt>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>NMI</dt>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_t_sne_there_is_no_map_but_the_lists_can_still_be_played()
    {
        var (results, library) = ReportFixtures.Evaluate(tsne: false);

        var html = ExperimentReport.Render(results, library);

        Assert.Null(library.Map);
        Assert.DoesNotContain("id=\"map\"", html, StringComparison.Ordinal);
        Assert.Contains("<audio id=\"player\"", html, StringComparison.Ordinal);
        Assert.All(Data(html)["points"]!.AsArray(), p => Assert.Null(p!["x"]));
    }

    private static JsonNode Data(string html)
    {
        var match = Regex.Match(html, "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(match.Success, "no data block");
        return JsonNode.Parse(match.Groups[1].Value)!;
    }

    // A script, stylesheet, image, frame or font the browser would fetch from the network by itself.
    [GeneratedRegex("""<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReferences();
}
