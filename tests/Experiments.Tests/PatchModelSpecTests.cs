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
}
