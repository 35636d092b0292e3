using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Learning;

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

    [Fact]
    public void A_patches_section_sets_the_model_options_it_names_and_leaves_the_rest_at_the_defaults()
    {
        var spec = ExperimentSpecJson.Parse("""
            { "name": "p", "dataset": "d", "representations": [
              { "model": "conv-vae", "patches": { "latent_dim": 8, "tracks_per_batch": 64, "crops_per_track": 4, "pooling": "mean", "channels": [8, 16, 32], "patch_frames": 64, "hidden_width": 128 } },
              { "model": "contrastive", "patches": { "temperature": 0.1, "gain_db": 3, "tilt_db": 0, "noise_db": 1, "pooling": "mean_std" } } ] }
            """);

        var defaults = new PatchModelOptions();
        var vae = PatchSpecOptions.Apply(defaults, spec.EffectiveRepresentations[0].Patches);
        Assert.Equal((8, 64, 4, PatchPooling.Mean, 64, 128), (vae.EmbeddingDim, vae.TracksPerBatch, vae.PatchesPerTrack, vae.Pooling, vae.PatchFrames, vae.HiddenWidth));
        Assert.Equal([8, 16, 32], vae.Channels);
        Assert.Equal((defaults.Temperature, defaults.GainDb), (vae.Temperature, vae.GainDb));
        var contrastive = PatchSpecOptions.Apply(defaults, spec.EffectiveRepresentations[1].Patches);
        Assert.Equal((0.1, 3.0, 0.0, 1.0, PatchPooling.MeanStd), (contrastive.Temperature, contrastive.GainDb, contrastive.TiltDb, contrastive.NoiseDb, contrastive.Pooling));
        Assert.Equal((defaults.EmbeddingDim, defaults.TracksPerBatch), (contrastive.EmbeddingDim, contrastive.TracksPerBatch));
        Assert.Same(defaults, PatchSpecOptions.Apply(defaults, null));
    }

    [Fact]
    public void A_typo_in_the_patches_section_is_an_unknown_field_with_the_one_meant()
    {
        var error = Assert.Throws<ArgumentException>(() => ExperimentSpecJson.Parse("""
            { "name": "p", "dataset": "d", "representations": [ { "model": "conv-vae", "patches": { "latnet_dim": 8 } } ] }
            """)).Message;

        Assert.Contains("\"representations[0].patches.latnet_dim\" (did you mean \"latent_dim\"? valid fields of representations[0].patches: latent_dim, tracks_per_batch, crops_per_track, pooling", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_patches_settings_are_each_named_in_the_specs_own_words()
    {
        var spec = new ExperimentSpec("bad", "d", "stats",
        [
            new RepresentationSpec(PatchRepresentationModels.ConvVae, Patches: new PatchSpec(LatentDim: 0, Pooling: "median", PatchFrames: 100, Temperature: 0.5)),
            new RepresentationSpec(PatchRepresentationModels.Contrastive, Patches: new PatchSpec(TracksPerBatch: 1, CropsPerTrack: 3, Channels: [8, 16, 32, 64, 64, 64, 64, 64])),
            new RepresentationSpec(RepresentationModels.Vae, Patches: new PatchSpec(LatentDim: 8)),
        ]);

        var error = Assert.Throws<ArgumentException>(() => SpecValidator.Validate(spec)).Message;

        Assert.DoesNotContain('\n', error);
        Assert.Contains("patches.latent_dim must be at least 1, not 0", error, StringComparison.Ordinal);
        Assert.Contains("patches.pooling 'median' is unknown (expected one of: mean, mean-std)", error, StringComparison.Ordinal);
        Assert.Contains("patches.patch_frames (100) must divide by 16", error, StringComparison.Ordinal);
        Assert.Contains("patches.temperature, gain_db, tilt_db and noise_db apply to contrastive only", error, StringComparison.Ordinal);
        Assert.Contains("patches.tracks_per_batch must be at least 2 for contrastive", error, StringComparison.Ordinal);
        Assert.Contains("contrastive always takes two views of each track, not 3", error, StringComparison.Ordinal);
        Assert.Contains("128 mel bands allow at most 7 convolutions", error, StringComparison.Ordinal);
        Assert.Contains("patches applies to conv-vae and contrastive only, not to model 'vae'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_patch_model_twice_is_refused_since_its_rows_could_not_be_told_apart()
    {
        var spec = new ExperimentSpec("twice", "d", "stats",
        [
            new RepresentationSpec(PatchRepresentationModels.ConvVae, Patches: new PatchSpec(LatentDim: 8)),
            new RepresentationSpec(PatchRepresentationModels.ConvVae, Patches: new PatchSpec(LatentDim: 16)),
        ]);

        var error = Assert.Throws<ArgumentException>(() => SpecValidator.Validate(spec)).Message;

        Assert.Contains("representation 'conv-vae' is asked for more than once", error, StringComparison.Ordinal);
    }
}
