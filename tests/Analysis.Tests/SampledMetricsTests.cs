using MusicClustering.Analysis.Sampling;

namespace MusicClustering.Analysis.Tests;

/// <summary>Sampled silhouette and trustworthiness against their exact values.</summary>
public class SampledMetricsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<(double[][] X, int[] Labels)> TenThousand = new(() =>
    {
        var (x, truth) = SyntheticBlobs.Make(10_000, 16, 12, 4.0, 21);
        return (x, KMeans.Fit(x, new KMeansOptions { NClusters = 12, NInit = 2, Seed = 0 }).Labels);
    });

    [Fact]
    public void Sampled_silhouette_within_002_of_exact_on_10k_points()
    {
        var (x, labels) = TenThousand.Value;
        double exact = InternalMetrics.Silhouette(x, labels);
        var forced = new SamplingOptions { ExactMaxSamples = 1_000, SilhouetteSampleSize = 2_000 };
        int covered = 0;
        for (int seed = 0; seed < 5; seed++)
        {
            var estimate = SampledMetrics.Silhouette(x, labels, forced with { Seed = seed })!;
            Assert.False(estimate.Exact);
            Assert.Equal(2_000, estimate.SampleSize);
            Assert.Equal(10_000, estimate.Population);
            output.WriteLine($"seed {seed}: sampled {estimate.Value:F4} [{estimate.ConfidenceLow:F4}, {estimate.ConfidenceHigh:F4}] vs exact {exact:F4}");
            Assert.True(Math.Abs(estimate.Value - exact) <= 0.02, $"seed {seed}: sampled {estimate.Value:F4} vs exact {exact:F4}");
            covered += estimate.ConfidenceLow <= exact && exact <= estimate.ConfidenceHigh ? 1 : 0;
        }
        // A 95% interval should hold the exact value in most of five draws.
        Assert.True(covered >= 3, $"interval covered the exact value {covered} of 5 times");
        var atDefault = SampledMetrics.Silhouette(x, labels)!;
        Assert.True(atDefault.Exact);
        Assert.Equal(exact, atDefault.Value, 12);
    }

    [Fact]
    public void Sampled_trustworthiness_close_to_exact()
    {
        var (x, _) = SyntheticBlobs.Make(3_000, 10, 8, 3.0, 4);
        double[][] embedded = new Pca(2).FitTransform(x);
        double exact = EmbeddingMetrics.Trustworthiness(x, embedded, 10);
        var estimate = SampledMetrics.Trustworthiness(x, embedded, 10, new SamplingOptions { ExactMaxSamples = 500, TrustworthinessSampleSize = 600 });
        Assert.False(estimate.Exact);
        output.WriteLine($"trustworthiness sampled {estimate.Value:F4} [{estimate.ConfidenceLow:F4}, {estimate.ConfidenceHigh:F4}] vs exact {exact:F4}");
        Assert.True(Math.Abs(estimate.Value - exact) <= 0.01, $"sampled {estimate.Value:F4} vs exact {exact:F4}");
        Assert.True(estimate.ConfidenceLow < estimate.Value && estimate.Value < estimate.ConfidenceHigh);
    }

    [Fact]
    public void Metric_suite_records_how_the_silhouette_was_computed()
    {
        var (x, labels) = TenThousand.Value;
        var metrics = MetricSuite.Compute(x, labels, sampling: new SamplingOptions { ExactMaxSamples = 5_000, SilhouetteSampleSize = 1_500 });
        Assert.NotNull(metrics.SilhouetteSampling);
        Assert.Equal(1_500, metrics.SilhouetteSampling!.SampleSize);
        Assert.Equal(metrics.Silhouette, metrics.SilhouetteSampling.Value);
    }

    [Fact]
    public void Sample_is_a_seeded_subset()
    {
        int[] a = SampledMetrics.Sample(100, 10, 3);
        Assert.Equal(a, SampledMetrics.Sample(100, 10, 3));
        Assert.Equal(10, a.Distinct().Count());
        Assert.NotEqual(a, SampledMetrics.Sample(100, 10, 4));
        Assert.Equal(5, SampledMetrics.Sample(5, 10, 0).Length);
    }
}
