using System.Text.Json.Nodes;

namespace MusicClustering.Console.Tests;

/// <summary>Row 2 of issue 12: an experiment id means one spec on one dataset version.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReuseTests(ConsoleFixture fixture)
{
    private static readonly string[] Quick = ["--model", "none", "--no-tsne", "--no-baselines", "--wait", "--json"];

    [Fact]
    public async Task Reuse_returns_the_stored_results_only_while_the_dataset_is_unchanged()
    {
        var corpus = await fixture.GenerateAsync("reuse", perGenre: 3);
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", corpus, "--dataset", "reuse"));

        var first = await SubmitAsync("--dataset", "reuse", "--k", "2", "--reuse");
        var again = await fixture.Cli.RunAsync(["submit", "--dataset", "reuse", "--k", "2", "--reuse", .. Quick]);
        ConsoleAssert.Succeeded(again);
        Assert.Equal(Id(first), (string)Files.Json(again)["id"]!);
        Assert.Contains("its stored results", again.Stderr, StringComparison.Ordinal);

        // A track added: the same spec is a different question now, so it runs again under a new id.
        Files.CopyTo(Files.Clips(corpus)[0], corpus, "extra/added.wav");
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", corpus, "--dataset", "reuse"));
        var afterAdding = await SubmitAsync("--dataset", "reuse", "--k", "2", "--reuse");
        Assert.NotEqual(Id(first), Id(afterAdding));
        Assert.Equal((int)first["tracks"]! + 1, (int)afterAdding["tracks"]!);
    }

    [Fact]
    public async Task An_explicit_id_refuses_another_spec_another_dataset_version_or_a_missing_dataset()
    {
        var corpus = await fixture.GenerateAsync("explicit", perGenre: 3);
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", corpus, "--dataset", "explicit"));
        await SubmitAsync("--dataset", "explicit", "--k", "2", "--id", "explicit-run");

        ConsoleAssert.UserError(
            await fixture.Cli.RunAsync(["submit", "--dataset", "explicit", "--k", "3", "--id", "explicit-run", .. Quick]),
            "experiment 'explicit-run' already ran with a different spec", "k: 2, not 3");
        ConsoleAssert.UserError(
            await fixture.Cli.RunAsync(["submit", "--dataset", "no-such-dataset", "--k", "2", "--id", "explicit-run", .. Quick]),
            "dataset 'no-such-dataset' does not exist");

        Files.CopyTo(Files.Clips(corpus)[0], corpus, "extra/added.wav");
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", corpus, "--dataset", "explicit"));
        ConsoleAssert.UserError(
            await fixture.Cli.RunAsync(["submit", "--dataset", "explicit", "--k", "2", "--id", "explicit-run", .. Quick]),
            "ran on another version of dataset 'explicit'", "now 7 tracks");
    }

    private async Task<JsonNode> SubmitAsync(params string[] args)
    {
        var result = await fixture.Cli.RunAsync(["submit", .. args, .. Quick]);
        ConsoleAssert.Succeeded(result);
        return Files.Json(result);
    }

    private static string Id(JsonNode results) => (string)results["id"]!;
}
