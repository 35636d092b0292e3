using MusicClustering.Learning;

namespace MusicClustering.Grains.Training;

/// <summary>A finished run's loss curve and latent traversal as PNGs.</summary>
internal sealed record TrainingPictures(byte[] LossCurvePng, byte[] TraversalPng)
{
    /// <summary>Renders both plots; the traversal decodes through the model (torch work): call it on a dedicated thread.</summary>
    public static TrainingPictures Render(VaeTrainingResult result)
    {
        using var model = VaeModelFile.Load(result.ModelBytes);
        return new TrainingPictures(LossCurvePlot.RenderPng(result.History), LatentTraversalPlot.RenderPng(LatentTraversal.Compute(model)));
    }
}
