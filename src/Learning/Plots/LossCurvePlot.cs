using ScottPlot;

namespace MusicClustering.Learning;

/// <summary>PNG chart of per-epoch training (and validation) losses.</summary>
public static class LossCurvePlot
{
    public static byte[] RenderPng(IReadOnlyList<EpochProgress> history, int width = 800, int height = 500)
    {
        var plot = new Plot();
        try
        {
            var epochs = history.Select(h => (double)h.Epoch).ToArray();
            AddLine(plot, epochs, history.Select(h => h.Loss).ToArray(), "Loss");
            AddLine(plot, epochs, history.Select(h => h.Reconstruction).ToArray(), "Reconstruction");
            AddLine(plot, epochs, history.Select(h => h.Kl).ToArray(), "KL");

            var validated = history.Where(h => h.ValidationLoss.HasValue).ToList();
            if (validated.Count > 0)
            {
                AddLine(plot, validated.Select(h => (double)h.Epoch).ToArray(), validated.Select(h => h.ValidationLoss!.Value).ToArray(), "Validation");
            }

            plot.Title("VAE training");
            plot.XLabel("Epoch");
            plot.YLabel("Loss per row");
            plot.ShowLegend();
            return plot.GetImageBytes(width, height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }

    private static void AddLine(Plot plot, double[] xs, double[] ys, string label)
    {
        if (xs.Length == 0)
        {
            return;
        }

        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = label;
    }
}
