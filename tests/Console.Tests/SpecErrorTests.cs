namespace MusicClustering.Console.Tests;

/// <summary>Row 8 of issue 12: every unknown spec field at once, in plain words, with the valid fields.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SpecErrorTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Every_unknown_field_is_named_with_the_valid_fields()
    {
        var spec = Path.Combine(fixture.NewFolder("spec"), "spec.json");
        File.WriteAllText(spec, """
            {
              "name": "typos", "dataset": "d", "kk": 3,
              "representations": [ { "modle": "vae" } ],
              "training": { "epoch": 5 }
            }
            """);
        var line = ConsoleAssert.UserError(
            await fixture.Cli.RunAsync("submit", "--spec", spec),
            "unknown fields", "\"kk\" (did you mean \"k\"?", "\"representations[0].modle\" (did you mean \"model\"?",
            "\"training.epoch\" (did you mean \"epochs\"?", "valid fields of training: epochs, batch_size");
        Assert.DoesNotContain(".NET", line, StringComparison.Ordinal);
        Assert.Contains("feature_config", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_says_what_was_expected()
    {
        var spec = Path.Combine(fixture.NewFolder("spec-type"), "spec.json");
        File.WriteAllText(spec, """{ "name": "t", "dataset": "d", "k": "ten" }""");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("submit", "--spec", spec), "\"k\" must be a whole number");
    }

    [Fact]
    public async Task A_patches_typo_and_a_bad_patches_value_are_one_line_each_in_the_specs_words()
    {
        var folder = fixture.NewFolder("spec-patches");
        var typo = Path.Combine(folder, "typo.json");
        File.WriteAllText(typo, """{ "name": "p", "dataset": "d", "representations": [ { "model": "conv-vae", "patches": { "latnet_dim": 8 } } ] }""");
        ConsoleAssert.UserError(
            await fixture.Cli.RunAsync("submit", "--spec", typo), "\"representations[0].patches.latnet_dim\" (did you mean \"latent_dim\"?");

        var bad = Path.Combine(folder, "bad.json");
        File.WriteAllText(bad, """{ "name": "p", "dataset": "d", "representations": [ { "model": "contrastive", "patches": { "tracks_per_batch": 1, "pooling": "max" } } ] }""");
        ConsoleAssert.UserError(
            await fixture.Cli.RunAsync("submit", "--spec", bad),
            "patches.tracks_per_batch must be at least 2 for contrastive", "patches.pooling 'max' is unknown (expected one of: mean, mean-std)");
    }

    [Fact]
    public async Task An_onnx_options_typo_names_the_field_meant()
    {
        var options = Path.Combine(fixture.NewFolder("onnx-options-typo"), "options.json");
        File.WriteAllText(options, """{ "input": "waveform", "samplerate": 16000 }""");
        ConsoleAssert.UserError(
            await fixture.Cli.RunAsync("submit", "--dataset", "any", "--model", "onnx", "--onnx-model", "/no/such/model.onnx", "--onnx-options", options, "--k", "2"),
            "unknown field \"samplerate\" (did you mean \"sample_rate\"?");
    }
}
