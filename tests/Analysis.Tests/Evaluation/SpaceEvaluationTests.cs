using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Analysis.Tests.Evaluation;

public class SpaceEvaluationTests
{
    [Fact]
    public void Every_algorithm_recovers_separated_blobs()
    {
        var (x, truth) = Blobs.Make(30, 3, 4, seed: 5);
        ClusteringAlgorithmSpec[] algorithms =
        [
            ClusteringAlgorithmSpec.KMeans,
            ClusteringAlgorithmSpec.Agglomerative(Linkage.Average),
            ClusteringAlgorithmSpec.Dbscan(),
        ];
        var rows = SpaceEvaluation.Evaluate(x, truth, algorithms, k: 3, seed: 0);
        Assert.Equal(["kmeans", "agglomerative-average", "dbscan(eps=auto)"], rows.Select(r => r.Algorithm));
        foreach (var row in rows)
        {
            // The knee eps is conservative, so DBSCAN may call a few blob edges noise; noise counts against ARI.
            double minimumAri = row.Outcome.Noise > 0 ? 0.8 : 0.999;
            Assert.True(row.Outcome.Clusters == 3 && row.Metrics.Ari > minimumAri && row.Metrics.NoisePoints == row.Outcome.Noise,
                $"{row.Algorithm}: {row.Outcome.Clusters} clusters, {row.Outcome.Noise} noise, ARI {row.Metrics.Ari}");
            Assert.True(row.Seconds >= 0);
        }
        Assert.NotNull(rows[0].Outcome.Inertia);
        Assert.Equal(3, rows[0].Outcome.Parameters["n_clusters"]);
        Assert.True(rows[2].Outcome.EpsFromKnee);
        Assert.Equal(rows[2].Outcome.Eps, rows[2].Outcome.Parameters["eps"]);
    }

    [Fact]
    public void Dbscan_noise_is_excluded_from_internal_metrics()
    {
        var (blobs, _) = Blobs.Make(20, 2, 2, seed: 6);
        double[][] x = [.. blobs, [100.0, 100.0]];
        var rows = SpaceEvaluation.Evaluate(x, null, [ClusteringAlgorithmSpec.Dbscan(eps: 2.0)], k: 2, seed: 0);
        var row = rows[0];
        Assert.Equal(1, row.Outcome.Noise);
        Assert.Equal(-1, row.Outcome.Labels[^1]);
        Assert.Equal(1, row.Metrics.NoisePoints);
        var withoutNoise = MetricSuite.Compute(blobs, row.Outcome.Labels[..^1]);
        Assert.Equal(withoutNoise.Silhouette, row.Metrics.Silhouette);
        Assert.Null(row.Metrics.Ari);
    }

    [Fact]
    public void Unknown_name_throws()
    {
        Assert.Throws<ArgumentException>(() => ClusteringRunner.Run([[0.0], [1.0]], new ClusteringAlgorithmSpec("hdbscan"), 2, 0));
    }
}
