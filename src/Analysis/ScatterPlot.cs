using ScottPlot;

namespace MusicClustering.Analysis;

/// <summary>Draws a 2-D embedding as a PNG scatter, one colour per cluster and grey for noise (-1).</summary>
public static class ScatterPlot
{
    public static void SavePng(double[][] points, int[] labels, string path, string title = "", int width = 900, int height = 700)
    {
        Plot plot = Build(points, labels, title, null);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        plot.SavePng(path, width, height);
    }

    /// <summary>
    /// The PNG as bytes. <paramref name="legendNames"/>[label] names a cluster (e.g. a genre when colouring by truth);
    /// labels outside the list (or with an empty name) keep "cluster N".
    /// </summary>
    public static byte[] RenderPng(double[][] points, int[] labels, string title, int width, int height, IReadOnlyList<string>? legendNames = null)
    {
        if (width < 1 || height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Image size must be positive but was {width}x{height}.");
        }
        return Build(points, labels, title ?? string.Empty, legendNames).GetImageBytes(width, height, ImageFormat.Png);
    }

    private static Plot Build(double[][] points, int[] labels, string title, IReadOnlyList<string>? legendNames)
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
            scatter.LegendText = group.Key == MetricSuite.NoiseLabel ? "noise"
                : legendNames is not null && group.Key >= 0 && group.Key < legendNames.Count && !string.IsNullOrEmpty(legendNames[group.Key])
                    ? legendNames[group.Key]
                : $"cluster {group.Key}";
            if (group.Key != MetricSuite.NoiseLabel)
            {
                // The group's name on the map too, at its median point, so a reader need not match colours to the legend.
                var label = plot.Add.Text(scatter.LegendText, Median(xs), Median(ys));
                label.LabelFontColor = scatter.Color;
                label.LabelBold = true;
                label.LabelBackgroundColor = Colors.White.WithAlpha(0.75);
                label.LabelAlignment = Alignment.MiddleCenter;
            }
        }
        if (title.Length > 0)
        {
            plot.Title(title);
        }
        plot.ShowLegend();
        return plot;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
