using System.Text.Json.Nodes;

namespace MusicClustering.Console.Tests;

/// <summary>
/// Row 9 of issue 12: human output (tables too) on stderr and JSON on stdout, no spurious deadlock warning (checked on
/// every run by <see cref="ConsoleAssert"/>), `cluster experiments` lists runs and `cluster cancel` stops one.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class OutputAndLifecycleTests(ConsoleFixture fixture)
{
    private static readonly TimeSpan CancelPatience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Tables_go_to_stderr_json_to_stdout_and_experiments_lists_the_runs()
    {
        var corpus = await fixture.GenerateAsync("output", perGenre: 3);
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", corpus, "--dataset", "output"));
        var submit = await fixture.Cli.RunAsync("submit", "--dataset", "output", "--model", "none", "--k", "2", "--no-tsne", "--no-baselines", "--id", "output-run", "--wait");
        ConsoleAssert.Succeeded(submit);
        Assert.Equal("", submit.Stdout);
        Assert.Contains("silhouette", submit.Stderr, StringComparison.Ordinal);

        var table = await fixture.Cli.RunAsync("results", "output-run");
        ConsoleAssert.Succeeded(table);
        Assert.Equal("", table.Stdout);
        Assert.Contains("silhouette", table.Stderr, StringComparison.Ordinal);

        var json = await fixture.Cli.RunAsync("results", "output-run", "--json");
        ConsoleAssert.Succeeded(json);
        Assert.Equal("output-run", (string)Files.Json(json)["id"]!);

        var listed = await fixture.Cli.RunAsync("experiments", "--json");
        ConsoleAssert.Succeeded(listed);
        var entry = Files.Json(listed).AsArray().Single(e => (string)e!["id"]! == "output-run")!;
        Assert.Equal("done", (string)entry["stage"]!);
        Assert.Equal("output", (string)entry["dataset"]!);
        var humanList = await fixture.Cli.RunAsync("experiments");
        ConsoleAssert.Succeeded(humanList);
        Assert.Equal("", humanList.Stdout);
        Assert.Contains("output-run", humanList.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_from_another_process_stops_a_running_experiment()
    {
        var corpus = await fixture.GenerateAsync("cancel", perGenre: 3);
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", corpus, "--dataset", "cancel"));
        // Far more epochs than the test will wait for: the run is still training when it is cancelled.
        var running = fixture.Cli.Start("submit", "--dataset", "cancel", "--k", "2", "--epochs", "1000000", "--no-tsne", "--no-baselines", "--id", "cancel-run", "--wait");
        await WaitForStageAsync("cancel-run", "training");

        var cancel = await fixture.Cli.RunAsync("cancel", "cancel-run");
        ConsoleAssert.Succeeded(cancel);
        if (!cancel.Stderr.Contains("cancelled during Training", StringComparison.Ordinal))
        {
            // Say why the run ended otherwise: the failed run's results carry its error.
            var why = await fixture.Cli.RunAsync("results", "cancel-run");
            Assert.Fail($"cancel should confirm the stop: {cancel}\n--- results ---\n{why}");
        }

        var submit = await running.WaitAsync(CancelPatience);
        Assert.True(submit.ExitCode == 1, $"a cancelled run's submit should exit 1: {submit}");
        ConsoleAssert.NoStackTrace(submit);
        Assert.Contains("was cancelled during Training", submit.Stderr, StringComparison.Ordinal);

        var results = await fixture.Cli.RunAsync("results", "cancel-run");
        Assert.Equal(1, results.ExitCode);
        Assert.Contains("cancelled", results.Stderr, StringComparison.Ordinal);
    }

    private async Task WaitForStageAsync(string id, string stage)
    {
        var deadline = DateTime.UtcNow + CancelPatience;
        JsonNode? entry = null;
        while (DateTime.UtcNow < deadline)
        {
            var listed = await fixture.Cli.RunAsync("experiments", "--json");
            ConsoleAssert.Succeeded(listed);
            entry = Files.Json(listed).AsArray().SingleOrDefault(e => (string)e!["id"]! == id);
            if (entry is not null && (string)entry["stage"]! == stage)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.Fail($"experiment {id} did not reach {stage}: {entry?.ToJsonString() ?? "not listed"}");
    }
}
