using System.Globalization;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using Spectre.Console;

namespace MusicClustering.Client.Output;

/// <summary>A results.json as tables a person can read: a summary, then one row per representation × fusion × algorithm.</summary>
public static class ResultsView
{
    private const int MaxFailedShown = 20;

    public static void Write(IAnsiConsole console, ExperimentResults results, Func<MetricRow, string?>? task = null)
    {
        console.Write(Summary(results));
        console.Write(Comparison(results, task));
        foreach (var note in results.Notes)
        {
            console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
        }
    }

    public static Table Summary(ExperimentResults results)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(results.Name)}[/] ({Markup.Escape(results.Id)})").HideHeaders();
        table.AddColumn("key");
        table.AddColumn("value");
        table.AddRow("dataset", Markup.Escape($"{results.Dataset}: {results.Tracks} tracks, {results.Failed.Count} failed"));
        table.AddRow("features", Markup.Escape($"{results.Features.Config} ({results.Features.Dimension} values), {results.Features.Computed} computed, {results.Features.Cached} cached"));
        table.AddRow("silos", Markup.Escape($"{results.SilosUsed.Count}: {string.Join(", ", results.SilosUsed)}"));
        table.AddRow("model", Markup.Escape($"{results.Model.Type} on {results.Model.Device}"));
        if (results is { Update: { } update, Drift: { } drift })
        {
            table.AddRow("update", Markup.Escape(
                $"of {update.From}, model {update.Model}: {drift.Kept} kept their cluster, {drift.Moved} moved, {drift.New} new, {drift.Removed} removed"));
        }

        if (results.Tsne is { } tsne)
        {
            table.AddRow("t-SNE", Markup.Escape($"{tsne.Space}, trustworthiness {tsne.Trustworthiness:F3}"));
        }

        foreach (var failed in results.Failed.Take(MaxFailedShown))
        {
            table.AddRow("[yellow]failed[/]", Markup.Escape($"{failed.DisplayName}: {failed.Reason}: {failed.Message}"));
        }

        if (results.Failed.Count > MaxFailedShown)
        {
            table.AddRow("[yellow]failed[/]", $"... and {results.Failed.Count - MaxFailedShown} more (results.json lists them all)");
        }

        return table;
    }

    public static Table Comparison(ExperimentResults results, Func<MetricRow, string?>? task = null)
    {
        var table = new Table();
        if (task is not null)
        {
            table.AddColumn("task");
        }

        foreach (var column in new[] { "representation", "fusion", "algorithm", "seed", "silhouette", "calinski_harabasz", "davies_bouldin", "ari", "nmi", "accuracy", "clusters" })
        {
            table.AddColumn(column);
        }

        foreach (var row in results.Rows)
        {
            var m = row.Metrics;
            var cells = new List<string>();
            if (task is not null)
            {
                cells.Add(Markup.Escape(task(row) ?? ""));
            }

            cells.AddRange(
            [
                Markup.Escape(row.Representation + (row.Baseline ? " (baseline)" : "")),
                row.Fusion,
                Markup.Escape(row.Algorithm),
                row.Seed.ToString(CultureInfo.InvariantCulture),
                Format(m.Silhouette),
                Format(m.CalinskiHarabasz, "F2"),
                Format(m.DaviesBouldin),
                Format(m.Ari),
                Format(m.Nmi),
                Format(m.Accuracy),
                row.Noise > 0 ? $"{row.Clusters} (+{row.Noise} noise)" : row.Clusters.ToString(CultureInfo.InvariantCulture),
            ]);
            table.AddRow(cells.ToArray());
        }

        return table;
    }

    private static string Format(double? value, string format = "F4") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
