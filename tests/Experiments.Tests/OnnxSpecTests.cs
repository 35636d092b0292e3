using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Learning;

namespace MusicClustering.Experiments.Tests;

/// <summary>The spec's <c>onnx</c> section: read from JSON, mapped onto the embedder's options, rejected line by line.</summary>
public sealed class OnnxSpecTests
{
    [Fact]
    public void A_relative_onnx_model_path_in_a_spec_file_is_read_from_the_spec_files_folder()
    {
        var folder = Directory.CreateTempSubdirectory("onnx-spec-").FullName;
        try
        {
            var absolute = Path.Combine(Path.GetTempPath(), "elsewhere", "b.onnx");
            var relative = Path.Combine(folder, "relative.json");
            var rooted = Path.Combine(folder, "rooted.json");
            File.WriteAllText(relative, """
                { "name": "n", "dataset": "d", "representations": [ { "model": "onnx", "onnx": { "model": "models/a.onnx" } }, { "model": "vae" } ] }
                """);
            File.WriteAllText(rooted, $$"""
                { "name": "n", "dataset": "d", "representations": [ { "model": "onnx", "onnx": { "model": "{{absolute}}" } } ] }
                """);

            var representations = ExperimentSpecJson.Load(relative).EffectiveRepresentations;

            Assert.Equal(Path.Combine(folder, "models", "a.onnx"), representations[0].Onnx!.Model);
            Assert.Null(representations[1].Onnx);
            Assert.Equal(absolute, Assert.Single(ExperimentSpecJson.Load(rooted).EffectiveRepresentations).Onnx!.Model);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_onnx_section_in_a_spec_file_becomes_the_embedders_options()
    {
        var spec = ExperimentSpecJson.Parse("""
            { "name": "clap", "dataset": "songs", "representations": [ { "model": "onnx", "onnx": {
              "model": "clap_audio.onnx", "input": "waveform", "layout": "batch-samples", "sample_rate": 48000,
              "patch_length": 480000, "patch_hop": 240000, "batch_size": 1, "output_name": "embedding", "pooling": "mean-std" } } ] }
            """);

        var onnx = Assert.Single(spec.EffectiveRepresentations).Onnx!;
        var options = OnnxSpecOptions.ToEmbedderOptions(onnx);
        Assert.Equal("clap_audio.onnx", onnx.Model);
        Assert.Equal(OnnxInputKind.Waveform, options.Input);
        Assert.Equal(OnnxInputLayout.BatchSamples, options.Layout);
        Assert.Equal(48000, options.SampleRate);
        Assert.Equal(240000, options.EffectiveHop);
        Assert.Equal(1, options.BatchSize);
        Assert.Equal("embedding", options.OutputName);
        Assert.Equal(PatchPooling.MeanStd, options.Pooling);
    }

    [Fact]
    public void Bad_onnx_settings_are_each_named_once()
    {
        var spec = new ExperimentSpec("bad", "songs", Representations:
        [
            new RepresentationSpec(RepresentationModels.Onnx, Onnx: new OnnxSpec("m.onnx", Layout: "sideways", Mels: 0)),
            new RepresentationSpec(RepresentationModels.Onnx),
        ]);

        var error = Assert.Throws<ArgumentException>(() => SpecValidator.Validate(spec)).Message;

        Assert.Contains("onnx.layout 'sideways' is unknown (expected one of: batch-samples, batch-channel-samples", error, StringComparison.Ordinal);
        Assert.Contains("onnx.mels must be positive, not 0", error, StringComparison.Ordinal);
        Assert.Contains("model onnx needs an \"onnx\" section", error, StringComparison.Ordinal);
        Assert.Contains("one onnx model", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typo_inside_the_onnx_section_is_an_unknown_field()
    {
        var error = Assert.Throws<ArgumentException>(() => ExperimentSpecJson.Parse("""
            { "name": "x", "dataset": "songs", "representations": [ { "model": "onnx", "onnx": { "model": "m.onnx", "samplerate": 16000 } } ] }
            """)).Message;

        Assert.Contains("samplerate", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_onnx_options_file_gets_the_specs_checks_a_did_you_mean_for_a_typo_and_the_expected_type()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{ "input": "waveform", "samplerate": 16000, "batchsize": 1 }""");
            var typo = Assert.Throws<ArgumentException>(() => OnnxSpecJson.Build("m.onnx", file)).Message;
            Assert.StartsWith($"{file}: unknown fields", typo, StringComparison.Ordinal);
            Assert.Contains("\"samplerate\" (did you mean \"sample_rate\"?", typo, StringComparison.Ordinal);
            Assert.Contains("\"batchsize\" (did you mean \"batch_size\"?", typo, StringComparison.Ordinal);

            File.WriteAllText(file, """{ "sample_rate": "fast" }""");
            var type = Assert.Throws<ArgumentException>(() => OnnxSpecJson.Build("m.onnx", file)).Message;
            Assert.Contains("\"sample_rate\" must be a whole number", type, StringComparison.Ordinal);

            File.WriteAllText(file, """{ "input": "waveform", "sample_rate": 16000, }""");
            var options = OnnxSpecJson.Build("m.onnx", file);
            Assert.Equal(("m.onnx", "waveform", 16000), (options.Model, options.Input, options.SampleRate));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_options_hash_ignores_where_the_model_came_from_but_not_how_it_is_fed()
    {
        var spec = new OnnxSpec("a/model.onnx", new string('a', 64));
        Assert.Equal(OnnxSpecOptions.OptionsHash(spec), OnnxSpecOptions.OptionsHash(spec with { Model = "b.onnx", ModelSha256 = null }));
        Assert.NotEqual(OnnxSpecOptions.OptionsHash(spec), OnnxSpecOptions.OptionsHash(spec with { HopLength = 256 }));
    }
}
