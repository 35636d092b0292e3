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
}
