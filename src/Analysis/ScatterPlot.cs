using ScottPlot;

namespace MusicClustering.Analysis;

/// <summary>Writes a 2-D embedding as a PNG scatter, one colour per cluster and grey for noise (-1).</summary>
public static class ScatterPlot
{
    public static void SavePng(double[][] points, int[] labels, string path, string title = "", int width = 900, int height = 700)
    {
        DataChecks.RequireRectangular(points, nameof(points));
        ArgumentNullException.ThrowIfNull(labels);
        DataChecks.RequireSameLength(points.Length, labels.Length, nameof(labels));
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category20();
        int colorIndex = 0;
        foreach (var group in labels.Select((label, i) => (label, i)).GroupBy(p => p.label).OrderBy(g => g.Key))
        {
            double[] xs = group.Select(p => points[p.i][0]).ToArray();
            double[] ys = group.Select(p => points[p.i][1]).ToArray();
            var scatter = plot.Add.Scatter(xs, ys);
            scatter.LineWidth = 0;
            scatter.MarkerSize = 4;
            scatter.Color = group.Key == MetricSuite.NoiseLabel ? Colors.Gray : palette.GetColor(colorIndex++);
            scatter.LegendText = group.Key == MetricSuite.NoiseLabel ? "noise" : $"cluster {group.Key}";
        }
        if (title.Length > 0)
        {
            plot.Title(title);
        }
        plot.ShowLegend();
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        plot.SavePng(path, width, height);
    }
}
