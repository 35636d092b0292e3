using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Analysis.Tests.Evaluation;

public class ProjectionTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Render_png_returns_png_bytes()
    {
        var (x, truth) = Blobs.Make(10, 3, 2, seed: 1);
        truth[0] = MetricSuite.NoiseLabel;
        byte[] png = ScatterPlot.RenderPng(x, truth, "blobs <test>", 320, 240, ["rock", "jazz"]);
        Assert.True(png.Length > 1000);
        Assert.Equal(PngSignature, png[..8]);
        // Width and height are big-endian in the IHDR chunk.
        Assert.Equal(320, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
        Assert.Equal(240, (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23]);
    }

    [Fact]
    public void Render_png_rejects_mismatched_labels()
    {
        Assert.Throws<ArgumentException>(() => ScatterPlot.RenderPng([[0.0, 1.0]], [0, 1], "", 100, 100));
    }

    [Fact]
    public void Tsne_KeepsBlobNeighbourhoods()
    {
        var (x, _) = Blobs.Make(20, 3, 6, seed: 2);
        var projection = TsneProjection.Run(x, seed: 0);
        Assert.Equal(60, projection.Embedding.Length);
        Assert.All(projection.Embedding, r => Assert.Equal(2, r.Length));
        Assert.True(projection.Trustworthiness > 0.9, $"trustworthiness {projection.Trustworthiness}");
        Assert.True(projection.Seconds > 0);
    }

    [Fact]
    public void Tsne_ClipsPerplexityForTinySets()
    {
        var (x, _) = Blobs.Make(3, 2, 3, seed: 3);
        var projection = TsneProjection.Run(x, seed: 0, perplexity: 30);
        Assert.Equal(6, projection.Embedding.Length);
        Assert.InRange(projection.Trustworthiness, 0, 1);
    }
}
