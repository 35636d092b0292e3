namespace MusicClustering.Analysis.Tests;

/// <summary>Mini-batch K-Means against full K-Means and sklearn 1.2's MiniBatchKMeans on the reference blobs.</summary>
public class MiniBatchKMeansTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<double[][]> Blobs = new(() => SyntheticBlobs.Make(20_000, 16, 20, 2.0, 7).X);

    [Fact]
    public void Blobs_are_the_reference_scripts_blobs()
    {
        var reference = ReferenceData.ClusteringReference.GetProperty("blobs");
        double[][] x = Blobs.Value;
        Tolerance.Relative(reference.GetProperty("checksum").GetDouble(), x.Sum(r => r.Sum()), rel: 1e-12, what: "sum");
        Assert.Equal(reference.GetProperty("first_row").EnumerateArray().Select(e => e.GetDouble()), x[0]);
    }

    [Fact]
    public void Inertia_within_two_percent_of_full_kmeans_and_sklearn()
    {
        var reference = ReferenceData.ClusteringReference.GetProperty("minibatch");
        double sklearnFull = reference.GetProperty("kmeans_inertia").GetDouble();
        double[] sklearnMiniBatch = reference.GetProperty("inertia_by_seed").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double[][] x = Blobs.Value;
        double full = KMeans.Fit(x, new KMeansOptions { NClusters = 20, Seed = 0 }).Inertia;
        Tolerance.Relative(sklearnFull, full, rel: 0.005, what: "full K-Means vs sklearn KMeans");
        for (int seed = 0; seed < 5; seed++)
        {
            var result = MiniBatchKMeans.Fit(x, new MiniBatchKMeansOptions { NClusters = 20, Seed = seed });
            output.WriteLine($"seed {seed}: mini-batch {result.Inertia:F0} ({result.Inertia / full - 1:P3} over full {full:F0}); sklearn mini-batch {sklearnMiniBatch[seed]:F0}, sklearn full {sklearnFull:F0}");
            Assert.True(result.Inertia <= full * 1.02, $"seed {seed}: mini-batch inertia {result.Inertia:F0} vs full {full:F0}");
            Assert.True(result.Inertia <= sklearnMiniBatch.Max() * 1.02, $"seed {seed}: {result.Inertia:F0} vs sklearn's worst {sklearnMiniBatch.Max():F0}");
            Assert.Equal(20, result.Centers.Length);
            Assert.Equal(x.Length, result.Labels.Length);
        }
    }

    [Fact]
    public void Deterministic_for_a_seed_and_handles_small_sets()
    {
        var (x, truth) = SyntheticBlobs.Make(300, 3, 3, 0.5, 2);
        var a = MiniBatchKMeans.Fit(x, new MiniBatchKMeansOptions { NClusters = 3, Seed = 4 });
        var b = MiniBatchKMeans.Fit(x, new MiniBatchKMeansOptions { NClusters = 3, Seed = 4 });
        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal(1.0, ExternalMetrics.AdjustedRandIndex(truth, a.Labels), 10);
        Assert.Throws<ArgumentException>(() => MiniBatchKMeans.Fit(x[..2], new MiniBatchKMeansOptions { NClusters = 3 }));
    }
}
