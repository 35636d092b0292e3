using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Analysis.Tests.Evaluation;

public sealed class DbscanEpsSearchTests
{
    private static double[][] Blobs(int seed, params (double X, double Y, int Count, double Spread)[] blobs)
    {
        var random = new Random(seed);
        return blobs.SelectMany(b => Enumerable.Range(0, b.Count).Select(_ => new[]
        {
            b.X + (b.Spread * (random.NextDouble() - 0.5)),
            b.Y + (b.Spread * (random.NextDouble() - 0.5)),
        })).ToArray();
    }

    [Fact]
    public void Separated_blobs_keep_the_knee()
    {
        var x = Blobs(1, (0, 0, 60, 1), (10, 0, 60, 1), (0, 10, 60, 1));
        var choice = DbscanEpsSearch.Fit(x, 5);
        Assert.Equal("knee", choice.Rule);
        Assert.Equal(3, choice.Result.Clusters);
    }

    [Fact]
    public void A_degenerate_knee_falls_back_to_the_silhouette_scan_and_says_so()
    {
        // A dense and a sparse group far apart: the knee's eps suits the dense one only, leaving the other as noise.
        var x = Blobs(2, (0, 0, 150, 0.5), (60, 0, 150, 12));
        var knee = Dbscan.Fit(x, new DbscanOptions { MinSamples = 5 });
        Assert.True(knee.Clusters < 2 || knee.Noise > x.Length / 2, $"the knee was not degenerate here: {knee.Clusters} clusters, {knee.Noise} noise");

        var choice = DbscanEpsSearch.Fit(x, 5);
        Assert.Equal("silhouette-scan", choice.Rule);
        Assert.NotNull(choice.Quantile);
        Assert.False(choice.Result.EpsFromKnee);
        Assert.True(choice.Result.Clusters >= 2);
        Assert.True(choice.Result.Noise <= x.Length / 2);
    }
}
