using MusicClustering.Contracts;
using MusicClustering.Experiments;

namespace MusicClustering.Experiments.Tests;

public sealed class PatchModelSpecTests
{
    [Fact]
    public void Conv_vae_and_contrastive_in_json_are_valid_trained_patch_representations()
    {
        var spec = ExperimentSpecJson.Parse(
            """{ "name": "p", "dataset": "d", "representations": [ { "model": "conv-vae", "beta": 4 }, { "model": "contrastive" }, { "model": "vae" } ] }""");
        SpecValidator.Validate(spec);
        var representations = spec.EffectiveRepresentations;
        Assert.Equal(["conv-vae(b=4)", "contrastive", "vae"], representations.Select(r => r.Label));
        Assert.Equal([true, true, false], representations.Select(r => r.LearnsFromPatches));
        Assert.All(representations, r => Assert.True(r.IsTrained));
    }

    [Fact]
    public void Conv_vae_with_beta_one_is_labelled_plainly_and_a_negative_beta_is_still_rejected()
    {
        Assert.Equal("conv-vae", new RepresentationSpec(PatchRepresentationModels.ConvVae).Label);
        var spec = new ExperimentSpec("bad", "d", "stats", [new RepresentationSpec(PatchRepresentationModels.ConvVae, Beta: -1)]);
        var error = Assert.Throws<ArgumentException>(() => SpecValidator.Validate(spec));
        Assert.Contains("beta must be a non-negative number", error.Message);
    }

    [Fact]
    public void An_unknown_model_lists_the_patch_models_among_the_expected_ones()
    {
        var spec = new ExperimentSpec("bad", "d", "stats", [new RepresentationSpec("conv-gan")]);
        var error = Assert.Throws<ArgumentException>(() => SpecValidator.Validate(spec));
        Assert.Contains("conv-vae, contrastive", error.Message);
    }

    [Fact]
    public void Evaluating_a_feature_table_with_a_patch_model_is_refused_with_the_reason()
    {
        var ids = Enumerable.Range(0, 6).Select(i => $"t{i}").ToList();
        var table = new FeatureTable(ids, ids.Select(_ => (string?)null).ToList(), ["a", "b"], [.. Enumerable.Range(0, 12).Select(i => (float)i)]);
        var spec = new ExperimentSpec("p", "data", Representations: [new RepresentationSpec(PatchRepresentationModels.Contrastive)], K: 2);
        var error = Assert.Throws<ArgumentException>(() => TableEvaluation.Run(table, spec, CancellationToken.None));
        Assert.Contains("model 'contrastive' learns from the audio's log-mel", error.Message);
    }
}
