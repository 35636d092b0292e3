using System.Diagnostics;

namespace MusicClustering.Console.Tests;

/// <summary>Rows 4 and 5 of issue 12: a user's mistake is one line on stderr and exit 2, never a stack trace.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class MistakeTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Missing_files_and_folders_say_what_to_do()
    {
        var folder = await fixture.GenerateAsync("mistakes", perGenre: 2);
        var missing = Path.Combine(folder, "no-such");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("ingest", missing), $"folder '{missing}' does not exist");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("ingest", Path.Combine(folder, "lyrics.csv")), "is a file");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("ingest", folder, "--lyrics", $"{missing}.csv"), "lyrics file", "does not exist");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("submit", "--spec", $"{missing}.json"), "spec file", "does not exist");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("ingest", fixture.NewFolder("empty")), "no audio files");

        var badLyrics = Path.Combine(folder, "bad.csv");
        File.WriteAllText(badLyrics, "title,text\nx,y\n");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("ingest", folder, "--lyrics", badLyrics), "lacks a 'track' column", "nothing was ingested");
    }

    [Fact]
    public async Task Bad_names_ids_options_and_output_folders_are_one_line()
    {
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("ingest", RepoPaths.Root, "--dataset", "a/../b"), "dataset name 'a/../b' cannot be used");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("submit", "--dataset", "d", "--id", "x\u202Ey"), "experiment id", "cannot be used");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("results", "never-ran"), "no experiment 'never-ran'", "cluster experiments");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("results", "never-ran", "--out", Path.Combine(RepoPaths.Root, "README.md")), "is a file");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("submit", "--dataset", "d", "--kk", "3"), "--kk", "cluster submit --help");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("submit", "--k", "3"), "--dataset (or --spec) is required");
    }

    [Fact]
    public async Task Benchmark_features_and_evaluate_options_fail_through_the_same_error_line()
    {
        // These commands once printed their own red line: each must read like every other mistake.
        var folder = await fixture.GenerateAsync("option-mistakes", perGenre: 1);
        var clip = Directory.EnumerateFiles(folder, "*.wav", SearchOption.AllDirectories).First();
        var headerOnly = Path.Combine(folder, "header-only.csv");
        File.WriteAllText(headerOnly, "filename,a,label\n");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("bench", "vae", "--csv", headerOnly, "--epochs", "0"), "--epochs must be at least 1");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("bench", "vae", "--csv", Path.Combine(folder, "none.csv")), "none.csv does not exist");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("bench", "tsne", "--points", "5"), "need --points >= 10");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("bench", "mfcc", "--rounds", "0"), "--repeats and --rounds must be at least 1");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("bench", "e2e", "--generate", "3"), "give --audio DIR or --generate N");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("features", clip, "--pad-mode", "wrap"), "--pad-mode must be constant or reflect");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("features", folder), "is a folder", "--table gtzan --out table.csv");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("features", Path.Combine(folder, "none.wav")), "none.wav: no such file or folder");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("evaluate", "--csv", headerOnly, "--label-column", "label"), "needs a header and at least one row");
    }

    [Fact]
    public async Task Verbose_shows_the_trace_that_is_otherwise_hidden()
    {
        var result = await fixture.Cli.RunAsync("ingest", "/no/such/folder", "--verbose");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")] // nothing listens: refused at once
    [InlineData("10.255.255.1")] // nothing answers: the deadline
    public async Task An_unreachable_gateway_fails_within_10_seconds_naming_the_address(string host)
    {
        var gateway = $"{host}:{ClusterCli.FreePort()}";
        var watch = Stopwatch.StartNew();
        var result = await fixture.Cli.RunAsync("results", "any", "--gateway", gateway);
        var elapsed = watch.Elapsed;
        ConsoleAssert.UserError(result, $"cannot reach the cluster gateway at {gateway}");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"the console took {elapsed.TotalSeconds:F1} s to give up on {gateway}");
    }
}
