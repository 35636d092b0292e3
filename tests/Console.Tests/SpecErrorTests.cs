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
}
