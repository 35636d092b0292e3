using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Analysis.Tests.Evaluation;

public class FeatureSpaceTests
{
    private static double[][] Slice(double[][] x, int from, int count) => x.Select(r => r.Skip(from).Take(count).ToArray()).ToArray();

    [Fact]
    public void Weight_one_gives_both_blocks_equal_total_variance()
    {
        var (audio, _) = Blobs.Make(20, 3, 4, seed: 1);
        var random = new Random(2);
        double[][] lyrics = audio.Select(_ => Enumerable.Range(0, 30).Select(_ => random.NextDouble() * 5).ToArray()).ToArray();
        double[][] hybrid = FeatureSpace.Hybrid(audio, lyrics, 1.0);
        Assert.Equal(34, hybrid[0].Length);
        Tolerance.Relative(1.0, FeatureSpace.TotalVariance(Slice(hybrid, 0, 4)), 1e-12, what: "audio");
        Tolerance.Relative(1.0, FeatureSpace.TotalVariance(Slice(hybrid, 4, 30)), 1e-12, what: "lyrics");

        double[][] half = FeatureSpace.Hybrid(audio, lyrics, 0.5);
        Tolerance.Relative(0.25, FeatureSpace.TotalVariance(Slice(half, 4, 30)), 1e-12, what: "weighted lyrics");
    }

    [Fact]
    public void Weight_zero_reduces_to_standardized_audio()
    {
        var (audio, truth) = Blobs.Make(25, 3, 5, seed: 3, spread: 2.0);
        var random = new Random(4);
        double[][] lyrics = audio.Select(_ => Enumerable.Range(0, 8).Select(_ => random.NextDouble()).ToArray()).ToArray();
        double[][] alone = FeatureSpace.Standardize(audio);
        double[][] fused = FeatureSpace.Hybrid(audio, lyrics, 0.0);
        Assert.All(fused, r => Assert.All(r.Skip(5), v => Assert.Equal(0.0, v)));

        var options = new KMeansOptions { NClusters = 3, Seed = 7 };
        int[] aloneLabels = KMeans.Fit(alone, options).Labels;
        int[] fusedLabels = KMeans.Fit(fused, options).Labels;
        Assert.Equal(aloneLabels, fusedLabels);
        var a = MetricSuite.Compute(alone, aloneLabels, truth);
        var b = MetricSuite.Compute(fused, fusedLabels, truth);
        Tolerance.Relative(a.Silhouette!.Value, b.Silhouette!.Value, 1e-9, what: "silhouette");
        Tolerance.Relative(a.CalinskiHarabasz!.Value, b.CalinskiHarabasz!.Value, 1e-9, what: "CH");
        Tolerance.Relative(a.DaviesBouldin!.Value, b.DaviesBouldin!.Value, 1e-9, what: "DB");
        Assert.Equal(a.Ari, b.Ari);
    }

    [Fact]
    public void From_row_major_keeps_order_and_checks_size()
    {
        double[][] x = FeatureSpace.FromRowMajor([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        Assert.Equal([4.0, 5.0, 6.0], x[1]);
        Assert.Throws<ArgumentException>(() => FeatureSpace.FromRowMajor([1f, 2f], 2, 3));
    }

    [Fact]
    public void Negative_weight_throws()
    {
        double[][] x = [[1.0], [2.0]];
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureSpace.Hybrid(x, x, -1));
    }
}
