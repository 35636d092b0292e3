using Xunit.Abstractions;

namespace MusicClustering.Analysis.Tests;

public class DbscanTests(ITestOutputHelper output)
{
    private static readonly double[][] Blobs =
        ReferenceData.ReadMatrix(ReferenceData.Clustering("dbscan_blobs.csv"), skipHeader: true, skipLastColumns: 1);

    [Theory]
    [InlineData(0.3, 4, "dbscan_eps0.3_min4")]
    [InlineData(0.5, 5, "dbscan_eps0.5_min5")]
    [InlineData(0.8, 10, "dbscan_eps0.8_min10")]
    public void Matches_sklearn_labels_including_noise(double eps, int minSamples, string key)
    {
        int[] expected = ReferenceData.ReadLabels($"{key}_labels.csv");
        var result = Dbscan.Fit(Blobs, new DbscanOptions { Eps = eps, MinSamples = minSamples });

        // Noise must coincide exactly; ARI then compares the clusters up to relabelling.
        Assert.Equal(expected.Select(l => l == -1), result.Labels.Select(l => l == -1));
        Assert.Equal(1.0, ExternalMetrics.AdjustedRandIndex(expected, result.Labels), 12);
        var entry = ReferenceData.Json("sklearn_reference.json").GetProperty(key);
        Assert.Equal(entry.GetProperty("n_clusters").GetInt32(), result.Clusters);
        Assert.Equal(entry.GetProperty("n_noise").GetInt32(), result.Noise);
        Assert.False(result.EpsFromKnee);
        Assert.Equal(eps, result.Eps);
    }

    [Fact]
    public void Null_eps_chooses_knee_and_records_it()
    {
        var result = Dbscan.Fit(Blobs, new DbscanOptions { MinSamples = 5 });
        output.WriteLine($"knee eps {result.Eps:R}: {result.Clusters} clusters, {result.Noise} noise");
        Assert.True(result.EpsFromKnee);
        // The blobs have 4 dense groups; a sensible knee sits between the 0.3 and 0.8 reference settings.
        Assert.InRange(result.Eps, 0.2, 1.0);
        Assert.InRange(result.Clusters, 3, 6);
    }

    [Fact]
    public void Knee_index_finds_the_elbow_of_a_piecewise_curve()
    {
        // Flat at 1 for 80 points, then rising steeply: the knee is the last flat point.
        double[] curve = Enumerable.Range(0, 100).Select(i => i < 80 ? 1.0 : 1.0 + (i - 79) * 5.0).ToArray();
        Assert.Equal(79, KDistance.KneeIndex(curve));
    }

    [Fact]
    public void Border_point_joins_first_cluster_in_index_order()
    {
        // Two cores (0 and 2) each reach border point 1 but not each other; the cluster started at 0 claims it.
        double[][] x = [[0], [1], [2], [-0.5], [-0.6], [2.5], [2.6]];
        var result = Dbscan.Fit(x, new DbscanOptions { Eps = 1.0, MinSamples = 4 });
        Assert.Equal(result.Labels[0], result.Labels[1]);
        Assert.NotEqual(result.Labels[0], result.Labels[2]);
    }

    [Fact]
    public void Graph_neighbourhoods_reproduce_the_exact_partition()
    {
        // Above the index threshold DBSCAN reads eps-neighbourhoods off a kNN graph; forced here on 3,000 points.
        var (x, _) = SyntheticBlobs.Make(3_000, 3, 6, 1.0, 13);
        var exact = Dbscan.Fit(x, new DbscanOptions { Eps = 0.5, MinSamples = 5 });
        var approximate = Dbscan.Fit(x, new DbscanOptions { Eps = 0.5, MinSamples = 5, Neighbors = new Neighbors.NeighborIndexOptions { ExactMaxSamples = 100 } });
        Assert.True(exact.Clusters >= 2);
        Assert.True(ExternalMetrics.AdjustedRandIndex(exact.Labels, approximate.Labels) > 0.98);
        Assert.True(Math.Abs(exact.Noise - approximate.Noise) <= 0.01 * x.Length);
    }
}
