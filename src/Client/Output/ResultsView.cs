using System.Globalization;
using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Output;

/// <summary>A results.json as a table a person can read.</summary>
public static class ResultsView
{
    public static Table Render(ExperimentResults results)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(results.Name)}[/] ({Markup.Escape(results.Id)})");
        table.AddColumn("tracks");
        table.AddColumn("model");
        table.AddColumn("k");
        table.AddColumn("silhouette");
        table.AddColumn("calinski_harabasz");
        table.AddColumn("davies_bouldin");
        table.AddColumn("nmi");
        table.AddColumn("ari");
        table.AddColumn("accuracy");
        table.AddColumn("silos");
        var m = results.Metrics;
        table.AddRow(
            results.Tracks.ToString(CultureInfo.InvariantCulture),
            Markup.Escape($"{results.Model.Type} ({results.Model.Device})"),
            results.Clustering.K.ToString(CultureInfo.InvariantCulture),
            Format(m.Silhouette),
            Format(m.CalinskiHarabasz, "F2"),
            Format(m.DaviesBouldin),
            Format(m.Nmi),
            Format(m.Ari),
            Format(m.Accuracy),
            results.SilosUsed.Count.ToString(CultureInfo.InvariantCulture));
        if (results.Failed.Count > 0)
        {
            table.Caption($"[yellow]{results.Failed.Count} track(s) failed[/]: " +
                Markup.Escape(string.Join("; ", results.Failed.Take(3).Select(f => $"{f.Track}: {f.Reason}"))));
        }

        return table;
    }

    private static string Format(double? value, string format = "F4") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
