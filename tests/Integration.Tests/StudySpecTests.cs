using MusicClustering.Analysis;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Client.Commands;
using MusicClustering.Contracts;
using MusicClustering.Experiments;

namespace MusicClustering.Integration.Tests;

public sealed class StudySpecTests
{
    [Fact]
    public void The_study_spec_covers_easy_medium_and_hard()
    {
        var spec = StudyCommand.BuildSpec("gtzan", 10, [2, 4, 8], 50, "stats", 0, hasLyrics: true);
        Assert.Equal(["vae", "beta-vae(b=2)", "beta-vae(b=4)", "beta-vae(b=8)"], spec.EffectiveRepresentations.Select(r => r.Label).ToArray());
        Assert.Equal([Fusions.Audio, Fusions.Hybrid], spec.EffectiveFusions);
        Assert.Equal(["kmeans", "agglomerative:ward", "dbscan"], spec.EffectiveAlgorithms);
        SpecValidator.Validate(spec, datasetTracks: 100, datasetHasLyrics: true);
        Assert.Equal([Fusions.Audio], StudyCommand.BuildSpec("gtzan", 10, [4], 50, "stats", 0, hasLyrics: false).EffectiveFusions);
    }

    [Fact]
    public void Learned_patch_models_join_the_study_as_rows_of_their_own()
    {
        var spec = StudyCommand.BuildSpec("gtzan", 10, [4], 50, "stats", 0, hasLyrics: false, learned: ["conv-vae", "contrastive"]);
        Assert.Equal(["vae", "beta-vae(b=4)", "conv-vae", "contrastive"], spec.EffectiveRepresentations.Select(r => r.Label).ToArray());
        SpecValidator.Validate(spec, datasetTracks: 100, datasetHasLyrics: false);
        var metrics = new ClusteringMetrics(0.1, 2, 0.3, Ari: null, Nmi: null, Accuracy: null, Purity: null, Clusters: 10, NoisePoints: 0);
        var row = new MetricRow("contrastive", Fusions.Audio, "kmeans", 0, false, metrics, 10, 0, new Dictionary<string, double>(), 0.01);
        Assert.Equal("Learned", StudyCommand.Task(row));
        Assert.Equal("Learned", StudyCommand.Task(row with { Representation = "conv-vae(b=4)", Algorithm = "dbscan" }));
        Assert.Null(StudyCommand.Task(row with { Representation = "pca16" }));
    }
}
