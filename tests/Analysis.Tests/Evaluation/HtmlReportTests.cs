using System.Text.RegularExpressions;
using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Analysis.Tests.Evaluation;

public class HtmlReportTests
{
    private static ReportModel Model() => new()
    {
        Title = "Clusters <script>alert(1)</script>",
        Spec = [new("k", "8"), new("features", "vae & lyrics")],
        Dataset = new ReportDataset(120, [new ReportFailedTrack("bad<track>", "decode failed: \"eof\"")], LabelsAvailable: true)
        {
            LabelSource = "genre",
            LabelClasses = 8,
        },
        Rows =
        [
            Row("audio", "none", "kmeans", new(0.31, 120.5, 1.10, 0.40, 0.5, 0.6, 0.7, 8, 0)),
            Row("vae", "hybrid(w=0.5)", "agglomerative-ward", new(0.42, 99.0, 0.90, 0.45, 0.55, 0.65, 0.75, 8, 0)),
            Row("vae", "none", "dbscan(eps=auto)", new(null, null, null, 0.10, 0.2, 0.3, 0.4, 3, 17)),
        ],
        Diagnostics = [new DiagnosticsRow("vae", 14, 0.123, 0.456, 0.0789)],
        Images = [new("tsne_clusters.png", "t-SNE by cluster"), new("tsne_truth.png", "t-SNE by genre")],
        Notes = ["Seeds fixed <b>"],
        Footer = [new("dotnet", "10.0"), new("total", "12.3 s")],
    };

    [Fact]
    public void Escapes_all_text()
    {
        string html = HtmlReport.Render(Model());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("bad&lt;track&gt;", html);
        Assert.Contains("vae &amp; lyrics", html);
        Assert.Contains("Seeds fixed &lt;b&gt;", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public void Is_self_contained()
    {
        string html = HtmlReport.Render(Model());
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<style>", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<link", html);
    }

    [Fact]
    public void Includes_every_row_image_and_diagnostic()
    {
        string html = HtmlReport.Render(Model());
        string table = Regex.Match(html, "<table class=\"comparison\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Equal(3, Regex.Matches(table, "<tr><td>").Count);
        Assert.Contains("agglomerative-ward", table);
        Assert.Contains("dbscan(eps=auto)", table);
        Assert.Contains("<img src=\"tsne_clusters.png\" alt=\"t-SNE by cluster\">", html);
        Assert.Contains("<img src=\"tsne_truth.png\"", html);
        Assert.Contains("<td class=\"num\">0.1230</td>", html);
        Assert.Contains("Noise points", html);
        Assert.Contains("12.3 s", html);
    }

    [Fact]
    public void Highlights_best_value_per_column()
    {
        string html = HtmlReport.Render(Model());
        string table = Regex.Match(html, "<table class=\"comparison\">.*?</table>", RegexOptions.Singleline).Value;
        // Per body row, the metric columns (after representation, fusion, algorithm) that carry the highlight.
        int[][] bestColumns = Regex.Matches(table, "<tr><td>.*?</tr>")
            .Select(row => Regex.Matches(row.Value, "<td[^>]*>").Select((cell, i) => (cell.Value, i - 3))
                .Where(c => c.Value.Contains("best")).Select(c => c.Item2).ToArray())
            .ToArray();
        // Row 0 has the best Calinski–Harabasz (1); row 1 the best silhouette (0), Davies–Bouldin minimum (2) and label metrics.
        Assert.Equal([[1], [0, 2, 3, 4, 5, 6], []], bestColumns);
        Assert.Contains("<td class=\"num best\">0.420</td>", html);
    }

    [Fact]
    public void Diagnostics_section_is_optional()
    {
        string html = HtmlReport.Render(Model() with { Diagnostics = null });
        Assert.DoesNotContain("diagnostics", html);
    }

    [Fact]
    public void Absolute_image_path_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => HtmlReport.Render(Model() with { Images = [new("/tmp/x.png", "x")] }));
    }

    [Fact]
    public void A_metric_row_from_an_evaluation_keeps_its_scores_and_outcome()
    {
        var metrics = new ClusteringMetrics(0.5, 10, 0.7, 0.1, 0.2, 0.3, 0.4, 2, 1);
        var parameters = new Dictionary<string, double> { ["eps"] = 0.5 };
        var outcome = new ClusteringOutcome([0, 1, -1], 2, 1, null, 0.5, true, parameters);
        var row = MetricRow.From("audio", "none", 3, baseline: true, new EvaluationRow("dbscan(eps=auto)", outcome, metrics, 0.1));
        Assert.Equal(new MetricRow("audio", "none", "dbscan(eps=auto)", 3, true, metrics, 2, 1, parameters, 0.1), row);
    }

    [Fact]
    public void Baselines_and_seeds_are_shown_beside_their_rows()
    {
        var html = HtmlReport.Render(Model() with { Rows = [Row("raw", "audio", "kmeans", new(0.3, 1, 1, null, null, null, null, 2, 0)) with { Baseline = true, Seed = 2 }] });
        Assert.Contains("<td>raw (baseline)</td>", html);
        Assert.Contains("<td>kmeans (seed 2)</td>", html);
    }

    [Fact]
    public void Script_data_cannot_close_its_block_and_an_inline_script_that_could_is_refused()
    {
        var html = HtmlReport.Render(Model() with { Script = new ReportScript("{\"path\":\"</script><!--x\"}", "var a = 1;", ".map {}", "caption") });
        Assert.Contains("{\"path\":\"\\u003c/script>\\u003c!--x\"}", html);
        Assert.Equal(2, Regex.Count(html, "</script>"));
        Assert.Contains("<div id=\"map\"", html);
        Assert.Throws<ArgumentException>(() => HtmlReport.Render(Model() with { Script = new ReportScript("{}", "x = '</script>';", "", null) }));
    }

    [Fact]
    public void Label_metrics_are_explained_only_where_rows_have_them()
    {
        var unlabelled = HtmlReport.Render(Model() with { Rows = [Row("raw", "audio", "kmeans", new(0.3, 1, 1, null, null, null, null, 2, 0))] });
        Assert.Contains("<dt>Silhouette</dt>", unlabelled);
        Assert.DoesNotContain("<dt>NMI</dt>", unlabelled);
        var labelled = HtmlReport.Render(Model() with { Rows = [Row("raw", "audio", "kmeans", new(0.3, 1, 1, 0.5, 0.6, 0.7, 0.8, 2, 0))] });
        Assert.Contains("<dt>NMI</dt>", labelled);
        Assert.Contains("<dt>ARI</dt>", labelled);
        Assert.Contains("<dt>Accuracy</dt>", labelled);
    }

    private static MetricRow Row(string representation, string fusion, string algorithm, ClusteringMetrics metrics) =>
        new(representation, fusion, algorithm, 0, false, metrics, metrics.Clusters, metrics.NoisePoints, new Dictionary<string, double>(), 0);
}
