using ScottPlot;

namespace MusicClustering.Learning;

/// <summary>Heatmap of a latent traversal: one band of rows per latent dimension (its sweep steps), one column per feature.</summary>
public static class LatentTraversalPlot
{
    public static byte[] RenderPng(LatentTraversal traversal, int width = 900, int height = 700)
    {
        var rows = traversal.LatentDim * traversal.Steps;
        var values = new double[rows, traversal.Features];
        for (var d = 0; d < traversal.LatentDim; d++)
        {
            for (var s = 0; s < traversal.Steps; s++)
            {
                for (var f = 0; f < traversal.Features; f++)
                {
                    values[(d * traversal.Steps) + s, f] = traversal.At(d, s, f);
                }
            }
        }

        var plot = new Plot();
        try
        {
            var heatmap = plot.Add.Heatmap(values);
            heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
            plot.Add.ColorBar(heatmap);
            plot.Title($"Latent traversal: {traversal.LatentDim} dims × {traversal.Steps} steps ({traversal.SweepValues[0]:0.#}…{traversal.SweepValues[^1]:0.#})");
            plot.XLabel("Feature (standardised)");
            plot.YLabel("Latent dimension × step");
            return plot.GetImageBytes(width, height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
