using System.Diagnostics;
using Xunit.Abstractions;

namespace MusicClustering.Analysis.Tests;

/// <summary>10k-point runs that check the algorithms stay usable at product scale.</summary>
[Trait("Category", "Heavy")]
public class ScaleTests(ITestOutputHelper output)
{
    private static readonly Lazy<(double[][] X, int[] Truth)> Data = new(() =>
    {
        // 10 Gaussian groups in 20-D, 1000 points each.
        var random = new Random(11);
        var truth = new int[10_000];
        double[][] x = Enumerable.Range(0, 10_000).Select(i =>
        {
            truth[i] = i % 10;
            return Enumerable.Range(0, 20).Select(d => (d % 10 == truth[i] ? 6.0 : 0.0) + Gaussian(random)).ToArray();
        }).ToArray();
        return (x, truth);
    });

    [Fact]
    public void Kmeans_10k()
    {
        var (x, truth) = Data.Value;
        var watch = Stopwatch.StartNew();
        var result = KMeans.Fit(x, new KMeansOptions { NClusters = 10, Seed = 0 });
        output.WriteLine($"k-means 10k x 20: {watch.Elapsed.TotalSeconds:F2}s, {result.Iterations} iterations");
        Assert.True(ExternalMetrics.AdjustedRandIndex(truth, result.Labels) > 0.99);
        Assert.True(watch.Elapsed.TotalSeconds < 30);
    }

    [Theory]
    [InlineData(Linkage.Ward)]
    [InlineData(Linkage.Single)]
    public void Agglomerative_10k(Linkage linkage)
    {
        var (x, truth) = Data.Value;
        var watch = Stopwatch.StartNew();
        int[] labels = AgglomerativeClustering.Fit(x, 10, linkage);
        double ari = ExternalMetrics.AdjustedRandIndex(truth, labels);
        output.WriteLine($"{linkage} 10k: {watch.Elapsed.TotalSeconds:F2}s, ARI {ari:F4}");
        Assert.Equal(10, labels.Distinct().Count());
        Assert.True(watch.Elapsed.TotalSeconds < 120);
        if (linkage == Linkage.Ward)
        {
            Assert.True(ari > 0.99, $"ARI {ari}");
        }
    }

    [Fact]
    public void Metrics_and_dbscan_10k()
    {
        var (x, truth) = Data.Value;
        var watch = Stopwatch.StartNew();
        var dbscan = Dbscan.Fit(x, new DbscanOptions { MinSamples = 10 });
        var metrics = MetricSuite.Compute(x, dbscan.Labels, truth);
        output.WriteLine($"dbscan+metrics 10k: {watch.Elapsed.TotalSeconds:F2}s, eps {dbscan.Eps:F3}, {dbscan.Clusters} clusters, " +
            $"{dbscan.Noise} noise, silhouette {metrics.Silhouette:F3}, ARI {metrics.Ari:F3}");
        Assert.True(watch.Elapsed.TotalSeconds < 120);
        Assert.True(metrics.Silhouette > 0.2);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
