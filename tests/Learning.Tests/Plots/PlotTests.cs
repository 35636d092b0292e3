namespace MusicClustering.Learning.Tests;

public sealed class PlotTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a];

    [Fact]
    public void Loss_curve_renders_a_png()
    {
        var history = Enumerable.Range(1, 10)
            .Select(e => new EpochProgress(e, 10, 50.0 / e, 40.0 / e, 10.0 / e, e % 2 == 0 ? 45.0 / e : null, 0.1))
            .ToList();

        var png = LossCurvePlot.RenderPng(history);

        Assert.Equal(PngSignature, png.Take(8));
        Assert.True(png.Length > 5_000, $"PNG only {png.Length} bytes");
    }

    [Fact]
    public void Latent_traversal_decodes_every_sweep_and_renders_a_png()
    {
        var data = SyntheticData.Blobs(64, 6, clusters: 2, seed: 1);
        var options = new VaeOptions { HiddenSizes = [16], LatentDim = 3, Epochs = 2 };
        var result = new VaeTrainer().Train(new VaeTrainingInput(data, 64, 6), options, null, CancellationToken.None);
        using var model = VaeModelFile.Load(result.ModelBytes);

        var traversal = LatentTraversal.Compute(model, steps: 5, range: 2);

        Assert.Equal([-2.0, -1.0, 0.0, 1.0, 2.0], traversal.SweepValues);
        Assert.Equal(3 * 5 * 6, traversal.Decoded.Length);
        var atOrigin = model.Decode(new float[3]);
        Assert.All(Enumerable.Range(0, 3), d => Assert.Equal(atOrigin[0], traversal.At(d, 2, 0), 5));
        Assert.NotEqual(traversal.At(0, 0, 0), traversal.At(0, 4, 0));
        Assert.Equal(PngSignature, LatentTraversalPlot.RenderPng(traversal).Take(8));
    }
}
