namespace MusicClustering.Console.Tests;

/// <summary>
/// `cluster bench scale` reads its folder in place the way `bench e2e` does (a library root of its in-process silos,
/// nothing uploaded), `--upload` copies it into blobs instead, and a missing folder is one line.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class BenchScaleTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_given_folder_runs_in_place_by_default_and_uploaded_with_upload()
    {
        var corpus = await fixture.GenerateAsync("bench-scale", genres: 2, perGenre: 6);
        var inPlace = await fixture.Cli.RunAsync("bench", "scale", "--audio", corpus, "--silos", "1", "--epochs", "1", "--json");
        ConsoleAssert.Succeeded(inPlace);
        var report = Files.Json(inPlace);
        Assert.Equal(12, (int)report["clips"]!);
        Assert.Equal("in-place", (string)report["source"]!);
        Assert.Contains("12 in place", inPlace.Stderr, StringComparison.Ordinal);
        Assert.Contains("0 uploaded", inPlace.Stderr, StringComparison.Ordinal);
        Assert.True(Directory.Exists(corpus), "a folder given with --audio is the user's: it must be kept");

        var uploaded = await fixture.Cli.RunAsync("bench", "scale", "--audio", corpus, "--silos", "1", "--epochs", "1", "--upload", "--json");
        ConsoleAssert.Succeeded(uploaded);
        Assert.Equal("blob", (string)Files.Json(uploaded)["source"]!);
        Assert.Contains("12 uploaded", uploaded.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_is_one_line()
    {
        var missing = Path.Combine(fixture.NewFolder("bench-scale-missing"), "no-such");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("bench", "scale", "--audio", missing), "--audio", "no such folder");
    }
}
