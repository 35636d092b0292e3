using System.Globalization;
using System.Net;
using System.Text;

namespace MusicClustering.Analysis.Evaluation;

/// <summary>
/// Renders a <see cref="ReportModel"/> as one self-contained HTML page: inline CSS and script, no external assets
/// (images are relative file names next to the page). All model text is HTML-escaped.
/// </summary>
public static partial class HtmlReport
{
    private const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #222; line-height: 1.45; }
        h1 { border-bottom: 2px solid #444; padding-bottom: .3rem; }
        h2 { margin-top: 2rem; color: #333; }
        dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; }
        dl.kv dt { font-weight: 600; }
        dl.kv dd { margin: 0; font-family: ui-monospace, monospace; }
        table { border-collapse: collapse; font-size: .92rem; }
        th, td { border: 1px solid #ccc; padding: .3rem .6rem; }
        th { background: #f0f0f0; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.best { background: #d7f5d7; font-weight: 700; }
        tbody tr:nth-child(even) { background: #fafafa; }
        p.note { color: #555; font-size: .9rem; }
        figure { display: inline-block; margin: 0 1.5rem 1.5rem 0; vertical-align: top; }
        figure img { max-width: 100%; border: 1px solid #ddd; }
        figcaption { text-align: center; color: #555; font-size: .9rem; }
        footer { margin-top: 3rem; border-top: 1px solid #ccc; color: #666; font-size: .85rem; }
        """;

    /// <summary>Columns of the comparison table: header, value, whether higher is better, format.</summary>
    private static readonly (string Header, Func<ClusteringMetrics, double?> Value, bool HigherIsBetter, string Format)[] MetricColumns =
    [
        ("Silhouette", m => m.Silhouette, true, "F3"),
        ("Calinski–Harabasz", m => m.CalinskiHarabasz, true, "F1"),
        ("Davies–Bouldin", m => m.DaviesBouldin, false, "F3"),
        ("ARI", m => m.Ari, true, "F3"),
        ("NMI", m => m.Nmi, true, "F3"),
        ("Accuracy", m => m.Accuracy, true, "F3"),
        ("Purity", m => m.Purity, true, "F3"),
    ];

    public static string Render(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine("<head>");
        html.AppendLine("<meta charset=\"utf-8\">");
        html.AppendLine($"<title>{E(model.Title)}</title>");
        html.AppendLine("<style>");
        html.AppendLine(Css);
        html.AppendLine(model.Script?.Css ?? string.Empty);
        html.AppendLine("</style>");
        html.AppendLine("</head>");
        html.AppendLine("<body>");
        html.AppendLine($"<h1>{E(model.Title)}</h1>");
        // The map first: it is what a reader came to see; the settings that made it come after the results.
        WriteMap(html, model.Script);
        WriteDataset(html, model.Dataset);
        WriteClusters(html, model.Clusters);
        WriteComparison(html, model.Rows);
        WriteMetricExplanations(html, model.Rows);
        WriteDiagnostics(html, model.Diagnostics);
        WriteImages(html, model.Images);
        WriteSpec(html, model.Spec);
        WriteNotesAndFooter(html, model.Notes, model.Footer);
        WriteScript(html, model.Script);
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    private static void WriteSpec(StringBuilder html, IReadOnlyList<ReportItem> spec)
    {
        if (spec.Count == 0)
        {
            return;
        }
        html.AppendLine("<h2>Specification</h2>");
        WriteKeyValues(html, spec);
    }

    private static void WriteDataset(StringBuilder html, ReportDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var items = new List<ReportItem>
        {
            new("Tracks clustered", Int(dataset.Tracks)),
            new("Failed tracks", Int(dataset.Failed.Count)),
            new("Labels available", dataset.LabelsAvailable ? "yes" : "no (external metrics not computed)"),
        };
        if (dataset.LabelsAvailable && dataset.LabelSource is { } source)
        {
            items.Add(new("Label source", source));
        }
        if (dataset.LabelsAvailable && dataset.LabelClasses is { } classes)
        {
            items.Add(new("Label classes", Int(classes)));
        }
        html.AppendLine("<h2>Dataset</h2>");
        WriteKeyValues(html, items);
        if (dataset.Failed.Count > 0)
        {
            html.AppendLine("<table class=\"failed\">");
            html.AppendLine("<thead><tr><th>Failed track</th><th>Reason</th></tr></thead>");
            html.AppendLine("<tbody>");
            foreach (var failed in dataset.Failed)
            {
                html.AppendLine($"<tr><td>{E(failed.Track)}</td><td>{E(failed.Reason)}</td></tr>");
            }
            html.AppendLine("</tbody>");
            html.AppendLine("</table>");
        }
    }

    private static void WriteComparison(StringBuilder html, IReadOnlyList<MetricRow> rows)
    {
        html.AppendLine("<h2>Comparison</h2>");
        if (rows.Count == 0)
        {
            html.AppendLine("<p class=\"note\">No clustering results.</p>");
            return;
        }
        double?[] best = MetricColumns.Select(c => Best(rows.Select(r => c.Value(r.Metrics)), c.HigherIsBetter)).ToArray();
        html.AppendLine("<table class=\"comparison\">");
        html.Append("<thead><tr><th>Representation</th><th>Fusion</th><th>Algorithm</th>");
        foreach (var column in MetricColumns)
        {
            html.Append($"<th>{E(column.Header)} {(column.HigherIsBetter ? "↑" : "↓")}</th>");
        }
        html.AppendLine("<th>Clusters</th><th>Noise</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var row in rows)
        {
            var representation = row.Baseline ? $"{row.Representation} (baseline)" : row.Representation;
            var algorithm = row.Seed == 0 ? row.Algorithm : $"{row.Algorithm} (seed {row.Seed})";
            html.Append($"<tr><td>{E(representation)}</td><td>{E(row.Fusion)}</td><td>{E(algorithm)}</td>");
            for (int c = 0; c < MetricColumns.Length; c++)
            {
                double? value = MetricColumns[c].Value(row.Metrics);
                bool isBest = value is { } v && best[c] is { } b && v == b;
                html.Append($"<td class=\"{(isBest ? "num best" : "num")}\">{Number(value, MetricColumns[c].Format)}</td>");
            }
            html.AppendLine($"<td class=\"num\">{Int(row.Clusters)}</td><td class=\"num\">{Int(row.Noise)}</td></tr>");
        }
        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
        html.AppendLine("<p class=\"note\">Best value per column is highlighted (↑ higher is better, ↓ lower is better). "
            + "Noise points (DBSCAN label −1) are excluded from the internal metrics (silhouette, Calinski–Harabasz, "
            + "Davies–Bouldin); the label metrics count noise as one extra group. A dash means the metric is undefined.</p>");
    }

    private static void WriteDiagnostics(StringBuilder html, IReadOnlyList<DiagnosticsRow>? diagnostics)
    {
        if (diagnostics is null || diagnostics.Count == 0)
        {
            return;
        }
        html.AppendLine("<h2>Representation diagnostics</h2>");
        html.AppendLine("<table class=\"diagnostics\">");
        html.AppendLine("<thead><tr><th>Representation</th><th>Active units</th><th>Total correlation</th>"
            + "<th>Reconstruction error</th><th>KL per dim</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var row in diagnostics)
        {
            html.AppendLine($"<tr><td>{E(row.Representation)}</td>"
                + $"<td class=\"num\">{(row.ActiveUnits is { } units ? Int(units) : "—")}</td>"
                + $"<td class=\"num\">{Number(row.TotalCorrelation, "F4")}</td>"
                + $"<td class=\"num\">{Number(row.ReconstructionError, "F4")}</td>"
                + $"<td class=\"num\">{Number(row.KlPerDim, "F4")}</td></tr>");
        }
        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
    }

    private static void WriteImages(StringBuilder html, IReadOnlyList<ReportImage> images)
    {
        if (images.Count == 0)
        {
            return;
        }
        html.AppendLine("<h2>Figures</h2>");
        foreach (var image in images)
        {
            html.AppendLine("<figure>");
            html.AppendLine($"<img src=\"{E(RelativeName(image.FileName))}\" alt=\"{E(image.Caption)}\">");
            html.AppendLine($"<figcaption>{E(image.Caption)}</figcaption>");
            html.AppendLine("</figure>");
        }
    }

    private static void WriteNotesAndFooter(StringBuilder html, IReadOnlyList<string> notes, IReadOnlyList<ReportItem> footer)
    {
        if (notes.Count > 0)
        {
            html.AppendLine("<h2>Notes</h2>");
            html.AppendLine("<ul class=\"notes\">");
            foreach (string note in notes)
            {
                html.AppendLine($"<li>{E(note)}</li>");
            }
            html.AppendLine("</ul>");
        }
        if (footer.Count > 0)
        {
            html.AppendLine("<footer>");
            WriteKeyValues(html, footer);
            html.AppendLine("</footer>");
        }
    }

    private static void WriteKeyValues(StringBuilder html, IEnumerable<ReportItem> items)
    {
        html.AppendLine("<dl class=\"kv\">");
        foreach (var item in items)
        {
            html.AppendLine($"<dt>{E(item.Key)}</dt><dd>{E(item.Value)}</dd>");
        }
        html.AppendLine("</dl>");
    }

    /// <summary>Images must sit next to the page so the report folder stays self-contained and portable.</summary>
    private static string RelativeName(string fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName) || Path.IsPathRooted(fileName) || fileName.Contains(':') || fileName.Contains(".."))
        {
            throw new ArgumentException($"Image '{fileName}' must be a relative file name inside the report folder.", nameof(fileName));
        }
        return fileName.Replace('\\', '/');
    }

    private static double? Best(IEnumerable<double?> values, bool higherIsBetter)
    {
        double[] known = values.Where(v => v is { } d && double.IsFinite(d)).Select(v => v!.Value).ToArray();
        return known.Length == 0 ? null : higherIsBetter ? known.Max() : known.Min();
    }

    private static string Number(double? value, string format) =>
        value is { } v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
