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
    public void BlockWeighting_GivesEveryBlockTheSameTotalVariance()
    {
        // 40 "MFCC" columns, one "tempo" column, 4 "hpss" columns (one constant): 44 non-constant columns, 3 blocks.
        var random = new Random(5);
        double[][] x = Enumerable.Range(0, 60).Select(_ => Enumerable.Range(0, 45).Select(j => j == 44 ? 7.0 : random.NextDouble() * (j + 1)).ToArray()).ToArray();
        double[][] z = FeatureSpace.Standardize(x, [40, 1, 4]);

        Tolerance.Relative(44.0 / 3, FeatureSpace.TotalVariance(Slice(z, 0, 40)), 1e-12, what: "mfcc block");
        Tolerance.Relative(44.0 / 3, FeatureSpace.TotalVariance(Slice(z, 40, 1)), 1e-12, what: "tempo block");
        Tolerance.Relative(44.0 / 3, FeatureSpace.TotalVariance(Slice(z, 41, 4)), 1e-12, what: "hpss block");
        Tolerance.Relative(44, FeatureSpace.TotalVariance(z), 1e-12, what: "total");
        Assert.All(z, row => Assert.Equal(0.0, row[44]));
    }

    [Fact]
    public void BlockWeighting_WithEqualBlocksOrNoneIsPlainStandardisation()
    {
        var (x, _) = Blobs.Make(20, 3, 6, seed: 8);
        double[][] plain = FeatureSpace.Standardize(x);
        foreach (IReadOnlyList<int>? blocks in new IReadOnlyList<int>?[] { null, [], [6], [3, 3], [2, 2, 2] })
        {
            double[][] weighted = FeatureSpace.Standardize(x, blocks);
            for (int i = 0; i < x.Length; i++)
            {
                for (int j = 0; j < 6; j++)
                {
                    Assert.Equal(plain[i][j], weighted[i][j], 12);
                }
            }
        }

        Assert.Throws<ArgumentException>(() => FeatureSpace.Standardize(x, [4, 4]));
    }

    [Fact]
    public void NegativeWeight_Throws()
    {
        double[][] x = [[1.0], [2.0]];
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureSpace.Hybrid(x, x, -1));
    }
}
