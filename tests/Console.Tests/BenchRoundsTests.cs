namespace MusicClustering.Console.Tests;

/// <summary>
/// `--rounds` of `bench mfcc` and `bench e2e`: the printed figures are one round's (the median's, the lower middle of
/// an even count), every round is listed, a benchmark without rounds still runs once, and the mistakes are one line.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class BenchRoundsTests(ConsoleFixture fixture)
{
    private const string NoHarness = "/nonexistent-reference-harness";

    [Fact]
    public async Task Mfcc_lists_every_round_and_prints_the_median_one()
    {
        var result = await fixture.Cli.RunAsync("bench", "mfcc", "--repeats", "2", "--rounds", "2", "--reference", NoHarness, "--json");
        ConsoleAssert.Succeeded(result);
        var report = Files.Json(result);
        var rounds = report["rounds"]!.AsArray().Select(r => (double)r!["ours_s"]!).ToList();
        Assert.Equal(2, rounds.Count);
        Assert.All(rounds, seconds => Assert.True(seconds > 0));

        // Without a reference the rounds are ordered by our time; of two, the lower middle is the slower one.
        Assert.Equal(rounds.Max(), (double)report["ours_s"]!);
        Assert.Null(report["ratio"]);
    }

    [Fact]
    public async Task A_benchmark_without_rounds_runs_once()
    {
        var result = await fixture.Cli.RunAsync("bench", "descriptors", "--repeats", "1", "--reference", NoHarness, "--json");
        ConsoleAssert.Succeeded(result);
        var report = Files.Json(result);
        Assert.True((double)report["ours_s"]! > 0);
        Assert.Contains("no ratio measured", (string)report["reference_note"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task E2e_mistakes_are_one_line()
    {
        var missing = Path.Combine(fixture.NewFolder("bench-rounds-missing"), "no-such");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("bench", "e2e", "--audio", missing, "--rounds", "2"), "--audio", "no such folder");

        var folder = fixture.NewFolder("bench-rounds-gateway");
        ConsoleAssert.UserError(
            await fixture.Cli.RunAsync("bench", "e2e", "--audio", folder, "--rounds", "2", "--gateway", "127.0.0.1:1"), "--rounds", "embedded silos");
    }
}
