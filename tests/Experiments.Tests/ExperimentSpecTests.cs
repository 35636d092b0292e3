using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Experiments;

namespace MusicClustering.Experiments.Tests;

public sealed class ExperimentSpecTests
{
    [Fact]
    public void A_minimal_json_spec_gets_the_documented_defaults()
    {
        var spec = ExperimentSpecJson.Parse("""{ "name": "easy", "dataset": "gtzan" }""");
        Assert.Equal(Audio.FeatureConfig.DefaultName, spec.FeatureConfig);
        Assert.Equal(10, spec.K);
        Assert.Equal("vae", Assert.Single(spec.EffectiveRepresentations).Label);
        Assert.Equal([Fusions.Audio], spec.EffectiveFusions);
        Assert.Equal(["kmeans"], spec.EffectiveAlgorithms);
        Assert.Equal([0], spec.EffectiveSeeds);
        Assert.Equal(50, spec.EffectiveTraining.Epochs);
        Assert.True(spec.Baselines);
    }

    [Fact]
    public void K_auto_in_json_is_the_auto_k_and_is_not_checked_against_the_dataset_size()
    {
        var spec = ExperimentSpecJson.Parse("""{ "name": "lib", "dataset": "songs", "k": "auto" }""");
        Assert.True(spec.ChoosesK);
        Assert.Equal(ExperimentSpec.AutoK, spec.K);
        SpecValidator.Validate(spec, datasetTracks: 3);
        var error = Assert.Throws<ArgumentException>(() => ExperimentSpecJson.Parse("""{ "name": "lib", "dataset": "songs", "k": "auto", "algorithms": ["dbscan"] }"""));
        Assert.Contains("k auto needs an algorithm with a k", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_json_spec_round_trips()
    {
        var spec = ExperimentSpecJson.Parse("""
            {
              "name": "hard", "dataset": "gtzan", "feature_config": "frames:130",
              "representations": [ { "model": "beta-vae", "beta": 4, "dimensions": 16 }, { "model": "pca", "dimensions": 8 } ],
              "fusions": ["audio", "hybrid"],
              "algorithms": ["kmeans", "agglomerative:average", "dbscan:eps=0.5,min_samples=4"],
              "k": 8, "seeds": [1, 2],
              "training": { "epochs": 20, "kl_warmup_epochs": 5 },
              "lyrics": { "svd_components": 0, "weight": 0.5 },
              "baselines": false, "tsne": false
            }
            """);
        Assert.Equal(["beta-vae(b=4)", "pca8"], spec.EffectiveRepresentations.Select(r => r.Label).ToArray());
        Assert.Equal(5, spec.EffectiveTraining.KlWarmupEpochs);
        Assert.Equal(0.5, spec.EffectiveLyrics.Weight);
        Assert.False(spec.Tsne);
        var again = ExperimentSpecJson.Parse(ExperimentSpecJson.Serialize(spec));
        Assert.Equal(ExperimentSpecJson.Serialize(spec), ExperimentSpecJson.Serialize(again));
    }

    [Theory]
    [InlineData("""{ "name": "x", "dataset": "d", "kk": 3 }""", "kk")]
    [InlineData("""{ "name": "x" }""", "dataset")]
    [InlineData("""{ "name": "x", "dataset": "d", "k": "ten" }""", "$.k")]
    [InlineData("""not json""", "not a valid experiment spec")]
    public void Malformed_json_is_rejected_with_the_reason(string json, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ExperimentSpecJson.Parse(json, "spec.json"));
        Assert.Contains(expected, error.Message);
        Assert.StartsWith("spec.json", error.Message);
    }

    [Theory]
    [InlineData("k must be at least 2")]
    [InlineData("model 'gan' is unknown")]
    [InlineData("beta must be a non-negative number")]
    [InlineData("fusion 'video' is unknown")]
    [InlineData("algorithm 'hdbscan'")]
    [InlineData("epochs must be at least 1")]
    [InlineData("feature_config 'mel' is unknown")]
    public void Every_problem_is_reported_at_once(string expected)
    {
        var spec = new ExperimentSpec(
            "bad", "d", "mel",
            [new RepresentationSpec("gan"), new RepresentationSpec(RepresentationModels.BetaVae, Beta: -1)],
            ["video"], ["hdbscan"], K: 1, Training: new TrainingSpec(Epochs: 0));
        var error = Assert.Throws<ArgumentException>(() => SpecValidator.Validate(spec));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void K_larger_than_the_dataset_and_lyrics_fusion_without_lyrics_are_rejected()
    {
        var spec = new ExperimentSpec("x", "d", K: 12, Fusions: [Fusions.Hybrid]);
        var error = Assert.Throws<ArgumentException>(() => SpecValidator.Validate(spec, datasetTracks: 10, datasetHasLyrics: false));
        Assert.Contains("k = 12 is more than the dataset's 10 tracks", error.Message);
        Assert.Contains("needs lyrics", error.Message);
        SpecValidator.Validate(spec with { K = 10 }, datasetTracks: 10, datasetHasLyrics: true);
    }

    [Fact]
    public void Baselines_are_added_once_and_trained_models_get_one_run_per_seed()
    {
        var spec = new ExperimentSpec("x", "d", Representations: [new(RepresentationModels.Vae), new(RepresentationModels.Pca, Dimensions: 16)], Seeds: [0, 1]);
        var plan = PlannedRepresentation.Plan(spec);
        Assert.Equal(["vae-s0", "vae-s1", "pca16-s0", "raw-s0"], plan.Select(p => $"{p.Spec.Label}-s{p.Seed}").ToArray());
        Assert.Equal([false, false, false, true], plan.Select(p => p.Baseline).ToArray());
        Assert.Equal(plan.Count, plan.Select(p => p.Key).Distinct().Count());
        Assert.All(plan, p => MusicClustering.Storage.BlobNames.Validate(p.Key));
        Assert.Single(PlannedRepresentation.Plan(spec with { Baselines = false }), p => !p.Spec.IsTrained);
    }

    [Fact]
    public void The_default_algorithm_is_the_name_the_analysis_parses_for_k_means()
    {
        Assert.Equal(ClusteringAlgorithmSpec.KMeansName, ExperimentSpec.DefaultAlgorithm);
        Assert.Equal(ClusteringAlgorithmSpec.KMeans, ClusteringAlgorithmSpec.Parse(ExperimentSpec.DefaultAlgorithm));
    }
}
