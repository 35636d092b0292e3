using System.Diagnostics;
using System.Text.Json;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Analysis.Neighbors;
using MusicClustering.Analysis.Sampling;
using Xunit.Abstractions;

namespace MusicClustering.Analysis.Tests;

/// <summary>
/// Time of every analysis stage at 10k, 30k and 100k points (16-D blobs, k = 10), for the README's cost model. Timings
/// are printed and appended to out/analysis-scale.jsonl, never asserted; the asserts check that each stage still
/// does its job at that size.
/// </summary>
[Trait("Category", "Heavy")]
public class AnalysisStageTimings(ITestOutputHelper output)
{
    [Theory]
    [InlineData(10_000)]
    [InlineData(30_000)]
    [InlineData(100_000)]
    public void Stages(int n)
    {
        var (x, truth) = SyntheticBlobs.Make(n, 16, 10, 3.0, 17);
        var seconds = new Dictionary<string, double>();
        T Time<T>(string stage, Func<T> work)
        {
            var watch = Stopwatch.StartNew();
            var result = work();
            seconds[stage] = Math.Round(watch.Elapsed.TotalSeconds, 3);
            return result;
        }

        var graph = Time("knn_graph_k10", () =>
        {
            using var index = NeighborIndex.Build(x);
            return index.Graph(10);
        });
        var kmeans = Time("kmeans", () => ClusteringRunner.Run(x, ClusteringAlgorithmSpec.KMeans, 10, 0));
        var miniBatch = Time("minibatch_kmeans", () => ClusteringRunner.Run(x, ClusteringAlgorithmSpec.MiniBatchKMeans, 10, 0));
        var gmm = Time("gmm_diag", () => ClusteringRunner.Run(x, ClusteringAlgorithmSpec.Gmm(CovarianceType.Diag), 10, 0));
        var spectral = Time("spectral", () => ClusteringRunner.Run(x, ClusteringAlgorithmSpec.Spectral, 10, 0));
        var ward = Time("agglomerative_ward", () => ClusteringRunner.Run(x, ClusteringAlgorithmSpec.Agglomerative(), 10, 0));
        var dbscan = Time("dbscan_auto_eps", () => ClusteringRunner.Run(x, ClusteringAlgorithmSpec.Dbscan(), 10, 0));
        var metrics = Time("metrics", () => MetricSuite.Compute(x, kmeans.Labels, truth));
        var tsneModel = new Tsne();
        var tsne = Time("tsne", () => tsneModel.FitTransform(x));
        var trust = Time("trustworthiness", () => SampledMetrics.Trustworthiness(x, tsne, 10));

        var record = new Dictionary<string, object?>
        {
            ["n"] = n,
            ["dims"] = 16,
            ["stages_s"] = seconds,
            ["approximate_knn"] = n > NeighborIndexOptions.DefaultExactMaxSamples,
            ["kmeans_ran_mini_batch"] = kmeans.Parameters.ContainsKey("mini_batch"),
            ["ari"] = new Dictionary<string, double>
            {
                ["kmeans"] = ExternalMetrics.AdjustedRandIndex(truth, kmeans.Labels),
                ["minibatch_kmeans"] = ExternalMetrics.AdjustedRandIndex(truth, miniBatch.Labels),
                ["gmm_diag"] = ExternalMetrics.AdjustedRandIndex(truth, gmm.Labels),
                ["spectral"] = ExternalMetrics.AdjustedRandIndex(truth, spectral.Labels),
                ["agglomerative_ward"] = ExternalMetrics.AdjustedRandIndex(truth, ward.Labels),
                ["dbscan"] = ExternalMetrics.AdjustedRandIndex(truth, dbscan.Labels),
            },
            ["tsne_optimised_points"] = tsneModel.OptimisedPoints,
            ["silhouette"] = metrics.SilhouetteSampling,
            ["trustworthiness"] = trust,
            ["peak_working_set_bytes"] = Process.GetCurrentProcess().PeakWorkingSet64,
            ["load_average"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null,
        };
        string line = JsonSerializer.Serialize(record);
        output.WriteLine(line);
        Directory.CreateDirectory(ReferenceData.RepositoryFile("out"));
        File.AppendAllText(ReferenceData.RepositoryFile("out/analysis-scale.jsonl"), line + Environment.NewLine);

        Assert.Equal(n, graph.Count);
        Assert.True(ExternalMetrics.AdjustedRandIndex(truth, kmeans.Labels) > 0.9);
        Assert.True(ExternalMetrics.AdjustedRandIndex(truth, spectral.Labels) > 0.9);
        Assert.True(trust.Value > 0.8, $"trustworthiness {trust.Value}");
        Assert.Equal(n > SamplingOptions.DefaultExactMaxSamples, !metrics.SilhouetteSampling!.Exact);
    }
}
