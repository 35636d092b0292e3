using System.Text;

namespace MusicClustering.Analysis.Evaluation;

/// <summary>The report's library part: the map the script draws, the per-cluster track lists, and the script itself.</summary>
public static partial class HtmlReport
{
    private static void WriteMap(StringBuilder html, ReportScript? script)
    {
        if (script?.MapCaption is not { } caption)
        {
            return;
        }

        html.AppendLine("<h2>Map</h2>");
        html.AppendLine($"<p class=\"note\">{E(caption)} Scroll to zoom, drag to pan, hover over a dot to see the track, click it to listen.</p>");
        html.AppendLine("<div id=\"map\" class=\"map\"><noscript>The map needs JavaScript.</noscript></div>");
        html.AppendLine("<div id=\"map-legend\" class=\"legend\"></div>");
        html.AppendLine("<div id=\"map-tip\" class=\"tip\" hidden></div>");
        WritePlayer(html);
    }

    private static void WritePlayer(StringBuilder html) =>
        html.AppendLine("<div class=\"player\"><audio id=\"player\" controls preload=\"none\"></audio> <span id=\"now-playing\"></span></div>");

    private static void WriteClusters(StringBuilder html, IReadOnlyList<ReportCluster> clusters)
    {
        if (clusters.Count == 0)
        {
            return;
        }

        html.AppendLine("<h2>Clusters</h2>");
        html.AppendLine("<p class=\"note\">Each cluster's tracks, those nearest its centre first (★). Its distinctive descriptors are the "
            + "features on which its tracks differ most from the whole library, in standard deviations (z): +1.0 means one "
            + "standard deviation above the library's average.</p>");
        foreach (var cluster in clusters)
        {
            html.AppendLine($"<section class=\"cluster\"><h3>{E(cluster.Name)}</h3>");
            if (cluster.Profile.Count > 0)
            {
                html.AppendLine($"<p class=\"profile\">Distinctive: {string.Join("; ", cluster.Profile.Select(E))}</p>");
            }

            html.AppendLine("<table class=\"tracks\"><thead><tr><th></th><th>Path</th><th>Title</th><th>Artist</th></tr></thead><tbody>");
            foreach (var track in cluster.Tracks)
            {
                html.AppendLine($"<tr><td><button type=\"button\" class=\"play\" data-play=\"{Int(track.Index)}\" title=\"Listen\">▶</button></td>"
                    + $"<td>{(track.Representative ? "★ " : string.Empty)}{E(track.Path)}</td><td>{E(track.Title)}</td><td>{E(track.Artist)}</td></tr>");
            }

            html.AppendLine("</tbody></table></section>");
        }
    }

    private static void WriteScript(StringBuilder html, ReportScript? script)
    {
        if (script is null)
        {
            return;
        }

        if (script.MapCaption is null)
        {
            WritePlayer(html);
        }

        html.AppendLine($"<script type=\"application/json\" id=\"report-data\">{JsonInScript(script.DataJson)}</script>");
        html.AppendLine($"<script>{ScriptText(script.Script)}</script>");
    }

    /// <summary>
    /// JSON inside a script element: text there ends at the first <c>&lt;/script</c> and <c>&lt;!--</c> changes how it is
    /// parsed, so every <c>&lt;</c> (in JSON it can only be inside a string) is written as <c>\u003c</c>, which reads the same.
    /// </summary>
    public static string JsonInScript(string json) => json.Replace("<", "\\u003c", StringComparison.Ordinal);

    private static string ScriptText(string script) =>
        script.Contains("</", StringComparison.Ordinal) || script.Contains("<!--", StringComparison.Ordinal)
            ? throw new ArgumentException("An inline script must not contain '</' or '<!--'.", nameof(script))
            : script;
}
