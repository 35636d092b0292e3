using System.Text.Json;

namespace MusicClustering.Analysis.Tests;

public class MetricsTests
{
    private const double Rel = 1e-6;

    [Fact]
    public void Kmeans_assignment_matches_random_score_json()
    {
        JsonElement metrics = ReferenceData.Json("random_score.json").GetProperty("metrics");
        int[] labels = ReferenceData.ReadLabels("random_kmeans_assign.csv");
        double[][] x = ReferenceData.Standardized;
        int[] truth = ReferenceData.Genre;

        Tolerance.Relative(metrics.GetProperty("silhouette").GetDouble(), InternalMetrics.Silhouette(x, labels), Rel, what: "silhouette");
        Tolerance.Relative(metrics.GetProperty("calinski_harabasz").GetDouble(), InternalMetrics.CalinskiHarabasz(x, labels), Rel, what: "CH");
        Tolerance.Relative(metrics.GetProperty("davies_bouldin").GetDouble(), InternalMetrics.DaviesBouldin(x, labels), Rel, what: "DB");
        Tolerance.Relative(metrics.GetProperty("ari").GetDouble(), ExternalMetrics.AdjustedRandIndex(truth, labels), Rel, what: "ARI");
        Tolerance.Relative(metrics.GetProperty("nmi").GetDouble(), ExternalMetrics.NormalizedMutualInformation(truth, labels), Rel, what: "NMI");
    }

    [Theory]
    [InlineData("ward")]
    [InlineData("average")]
    [InlineData("complete")]
    [InlineData("single")]
    public void Agglomerative_labels_match_sklearn_reference_metrics(string linkage)
    {
        JsonElement metrics = ReferenceData.Json("sklearn_reference.json").GetProperty($"agglomerative_{linkage}").GetProperty("metrics");
        int[] labels = ReferenceData.ReadLabels($"agglomerative_{linkage}_labels.csv");
        var result = MetricSuite.Compute(ReferenceData.Standardized, labels, ReferenceData.Genre);

        Tolerance.Relative(metrics.GetProperty("silhouette").GetDouble(), result.Silhouette!.Value, Rel, what: "silhouette");
        Tolerance.Relative(metrics.GetProperty("calinski_harabasz").GetDouble(), result.CalinskiHarabasz!.Value, Rel, what: "CH");
        Tolerance.Relative(metrics.GetProperty("davies_bouldin").GetDouble(), result.DaviesBouldin!.Value, Rel, what: "DB");
        Tolerance.Relative(metrics.GetProperty("ari").GetDouble(), result.Ari!.Value, Rel, what: "ARI");
        Tolerance.Relative(metrics.GetProperty("nmi").GetDouble(), result.Nmi!.Value, Rel, what: "NMI");
        Tolerance.Relative(metrics.GetProperty("accuracy_hungarian").GetDouble(), result.Accuracy!.Value, Rel, what: "accuracy");
        Tolerance.Relative(metrics.GetProperty("purity").GetDouble(), result.Purity!.Value, Rel, what: "purity");
        Assert.Equal(10, result.Clusters);
        Assert.Equal(0, result.NoisePoints);
    }

    [Theory]
    [InlineData("dbscan_eps0.3_min4")]
    [InlineData("dbscan_eps0.5_min5")]
    [InlineData("dbscan_eps0.8_min10")]
    public void Dbscan_labels_non_noise_metrics_match_sklearn(string key)
    {
        JsonElement entry = ReferenceData.Json("sklearn_reference.json").GetProperty(key);
        JsonElement metrics = entry.GetProperty("metrics_non_noise");
        int[] labels = ReferenceData.ReadLabels($"{key}_labels.csv");
        double[][] x = ReferenceData.ReadMatrix(ReferenceData.Clustering("dbscan_blobs.csv"), skipHeader: true, skipLastColumns: 1);
        var result = MetricSuite.Compute(x, labels, excludeNoise: true);

        Tolerance.Relative(metrics.GetProperty("silhouette").GetDouble(), result.Silhouette!.Value, Rel, what: "silhouette");
        Tolerance.Relative(metrics.GetProperty("calinski_harabasz").GetDouble(), result.CalinskiHarabasz!.Value, Rel, what: "CH");
        Tolerance.Relative(metrics.GetProperty("davies_bouldin").GetDouble(), result.DaviesBouldin!.Value, Rel, what: "DB");
        Assert.Equal(entry.GetProperty("n_clusters").GetInt32(), result.Clusters);
        Assert.Equal(entry.GetProperty("n_noise").GetInt32(), result.NoisePoints);
        Assert.Null(result.Ari);
    }

    [Fact]
    public void Singleton_cluster_scores_zero_silhouette()
    {
        // Points 0,1 form a pair (a = 0.1, b = 10 and 9.9); point 2 is a singleton and scores 0.
        double[][] x = [[0.0], [0.1], [10.0]];
        int[] labels = [5, 5, -1];
        double a = 0.1;
        double s0 = (10.0 - a) / 10.0;
        double s1 = (9.9 - a) / 9.9;
        Tolerance.Relative((s0 + s1) / 3, InternalMetrics.Silhouette(x, labels), 1e-12);
    }

    [Fact]
    public void Label_metrics_handle_arbitrary_ids_and_permutations()
    {
        int[] truth = [0, 0, 0, 1, 1, 1, 2, 2];
        int[] renamed = [-1, -1, -1, 7, 7, 7, 3, 3];
        Assert.Equal(1.0, ExternalMetrics.AdjustedRandIndex(truth, renamed), 12);
        Assert.Equal(1.0, ExternalMetrics.NormalizedMutualInformation(truth, renamed), 12);
        Assert.Equal(1.0, ExternalMetrics.HungarianAccuracy(truth, renamed), 12);
        Assert.Equal(1.0, ExternalMetrics.Purity(truth, renamed), 12);
    }

    [Fact]
    public void Hungarian_accuracy_unequal_cluster_and_class_counts()
    {
        int[] truth = [0, 0, 0, 0, 1, 1, 1, 1];
        // Four clusters against two classes: only two clusters can be matched (2 + 2 of 8).
        int[] predicted = [0, 0, 1, 1, 2, 2, 3, 3];
        Assert.Equal(0.5, ExternalMetrics.HungarianAccuracy(truth, predicted), 12);
        Assert.Equal(0.5, ExternalMetrics.HungarianAccuracy(predicted, truth), 12);
        Assert.Equal(1.0, ExternalMetrics.Purity(truth, predicted), 12);
    }

    [Fact]
    public void Hungarian_FindsKnownOptimum()
    {
        double[,] cost = { { 4, 1, 3 }, { 2, 0, 5 }, { 3, 2, 2 } };
        int[] assignment = Hungarian.Solve(cost);
        Assert.Equal([1, 0, 2], assignment);
    }

    [Fact]
    public void Metric_suite_single_cluster_gives_null_internal_metrics()
    {
        double[][] x = [[0.0], [1.0], [2.0], [3.0]];
        var result = MetricSuite.Compute(x, [0, 0, -1, 0], [0, 0, 1, 0]);
        Assert.Null(result.Silhouette);
        Assert.Null(result.CalinskiHarabasz);
        Assert.Null(result.DaviesBouldin);
        Assert.Equal(1, result.Clusters);
        Assert.Equal(1, result.NoisePoints);
        Assert.Equal(1.0, result.Ari!.Value, 12);
    }
}
