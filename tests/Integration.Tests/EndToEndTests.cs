using MusicClustering.Analysis;
using MusicClustering.Audio;
using MusicClustering.Client.Ingest;
using MusicClustering.Contracts;
using MusicClustering.Experiments;

namespace MusicClustering.Integration.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EndToEndTests(ClusterFixture fixture) : IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("mc-e2e-").FullName;

    [Fact]
    public async Task Small_experiment_runs_on_both_silos_with_sane_metrics_and_reuses_features_on_rerun()
    {
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 4, PerGenre: 6, Seconds: 3, Seed: 11), _corpus);
        var tracks = DatasetScanner.Scan(_corpus);
        var report = await new DatasetIngestor(fixture.Store, fixture.Client).IngestAsync("e2e", tracks, null, null, CancellationToken.None);
        Assert.Equal(24, report.Tracks);
        Assert.Equal(24, report.Labelled);

        var spec = new ExperimentSpec("e2e-vae", "e2e", K: 4, Seeds: [3], Training: new TrainingSpec(Epochs: 15), Tsne: true);
        var first = await RunAsync("e2e-first", spec);

        Assert.Equal(24, first.Tracks);
        Assert.Empty(first.Failed);
        Assert.Equal(ClusterFixture.Silos, first.SilosUsed.Count);
        Assert.Equal(24, first.Features.Computed);
        Assert.Equal(16, first.Model.LatentDim);
        Assert.Equal("cpu", first.Model.Device);
        AssertMetricsInRange(first.Metrics);
        Assert.Equal(24, first.Clustering.Assignments.Count);
        Assert.InRange(first.Clustering.Assignments.Values.Distinct().Count(), 2, 4);

        // Baselines ride along in every report: the VAE row first, then raw and PCA-16 K-Means.
        Assert.Equal(["vae", "raw", "pca16"], first.Rows.Select(r => r.Representation).ToArray());
        Assert.True(first.Rows[1].Baseline && first.Rows[2].Baseline);
        Assert.All(first.Rows, r => AssertMetricsInRange(r.Metrics));
        Assert.NotNull(first.Tsne);
        Assert.InRange(first.Tsne!.Trustworthiness, 0.5, 1.0);
        Assert.Contains("report.html", first.Artifacts);
        Assert.Contains("tsne_labels.png", first.Artifacts);

        // Trainers render their pictures while the experiment clusters: once it reports done, everything results.json
        // names must already be stored.
        Assert.Contains(first.Artifacts, a => a.StartsWith(ExperimentBlobs.LossCurvePrefix, StringComparison.Ordinal));
        Assert.Contains(first.Artifacts, a => a.StartsWith(ExperimentBlobs.TraversalPrefix, StringComparison.Ordinal));
        foreach (var artifact in first.Artifacts)
        {
            Assert.True(await fixture.Store.ExistsAsync(new ExperimentBlobs("e2e-first").File(artifact), CancellationToken.None), $"{artifact} is named but not stored");
        }

        var second = await RunAsync("e2e-second", spec with { Name = "e2e-vae-again" });
        Assert.Equal(24, second.Features.Cached);
        Assert.Equal(0, second.Features.Computed);
    }

    [Fact]
    public async Task Invalid_spec_is_rejected_before_any_work()
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            fixture.Client.GetGrain<IExperimentGrain>("bad-spec").StartAsync(
                new ExperimentSpec("bad", "e2e-small", Representations: [new RepresentationSpec("gan")], K: 1)));
        Assert.Contains("model 'gan' is unknown", error.Message);
        Assert.Contains("k must be at least 2", error.Message);
    }

    [Fact]
    public async Task Missing_dataset_is_rejected_before_any_work()
    {
        var experiment = fixture.Client.GetGrain<IExperimentGrain>("no-dataset");
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => experiment.StartAsync(new ExperimentSpec("no-dataset", "does-not-exist", K: 2)));
        Assert.Contains("dataset 'does-not-exist' does not exist", error.Message);
        Assert.Null(await experiment.GetStatusAsync());
    }

    private Task<ExperimentResults> RunAsync(string id, ExperimentSpec spec) => ExperimentRunner.RunAsync(fixture, id, spec);

    private static Task<ExperimentStatus> WaitAsync(IExperimentGrain experiment) => ExperimentRunner.WaitAsync(experiment);

    private static void AssertMetricsInRange(ClusteringMetrics metrics)
    {
        Assert.NotNull(metrics.Silhouette);
        Assert.InRange(metrics.Silhouette!.Value, -1, 1);
        Assert.NotNull(metrics.CalinskiHarabasz);
        Assert.True(double.IsFinite(metrics.CalinskiHarabasz!.Value) && metrics.CalinskiHarabasz > 0);
        Assert.NotNull(metrics.DaviesBouldin);
        Assert.True(double.IsFinite(metrics.DaviesBouldin!.Value) && metrics.DaviesBouldin >= 0);
        Assert.NotNull(metrics.Nmi);
        Assert.InRange(metrics.Nmi!.Value, 0, 1);
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
