namespace MusicClustering.Console.Tests;

/// <summary>
/// `cluster ingest DIR --in-place` in embedded mode: the folder becomes a library root of the console's silo, the audio
/// is hashed but not uploaded, a later command's silo still reads it, and a file removed since fails alone.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class InPlaceTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_folder_ingested_in_place_runs_to_results_and_a_removed_file_fails_alone()
    {
        // A seed of its own: clips other tests ingested would be feature-cache hits, and a removed file would never be read.
        var corpus = fixture.NewFolder("in-place");
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("generate", "--genres", "2", "--per-genre", "3", "--seconds", "1", "--seed", "1811", "--out", corpus));
        var ingest = await fixture.Cli.RunAsync("ingest", corpus, "--dataset", "in-place", "--in-place", "--json");
        ConsoleAssert.Succeeded(ingest);
        var report = Files.Json(ingest);
        Assert.Equal(6, (int)report["in_place"]!);
        Assert.Equal(0, (int)report["uploaded"]!);
        Assert.Contains("6 read in place (not uploaded)", ingest.Stderr, StringComparison.Ordinal);

        var removed = Files.Clips(corpus)[0];
        File.Delete(removed);
        var run = await fixture.Cli.RunAsync("submit", "--dataset", "in-place", "--k", "2", "--model", "none", "--no-tsne", "--no-baselines", "--wait", "--json");
        ConsoleAssert.Succeeded(run);
        var results = Files.Json(run);
        Assert.Equal(5, (int)results["tracks"]!);
        var failed = Assert.Single(results["failed"]!.AsArray());
        Assert.Equal("audio_missing", (string)failed!["reason"]!);
        Assert.Equal(Path.GetFileName(removed), (string)failed["path"]!);
    }

    [Fact]
    public async Task Files_hashed_in_place_hash_as_their_uploaded_copies_so_the_feature_cache_serves_them()
    {
        // In place the file is hashed as a stream, uploaded it is hashed whole: one audio must give one cache key.
        var corpus = fixture.NewFolder("in-place-hash");
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("generate", "--genres", "2", "--per-genre", "2", "--seconds", "1", "--seed", "1812", "--out", corpus));
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", corpus, "--dataset", "hash-uploaded"));
        var first = Files.Json(await fixture.Cli.RunAsync(
            "submit", "--dataset", "hash-uploaded", "--k", "2", "--model", "none", "--no-tsne", "--no-baselines", "--wait", "--json"));
        Assert.Equal(4, (int)first["features"]!["computed"]!);

        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", corpus, "--dataset", "hash-in-place", "--in-place"));
        var second = Files.Json(await fixture.Cli.RunAsync(
            "submit", "--dataset", "hash-in-place", "--k", "2", "--model", "none", "--no-tsne", "--no-baselines", "--wait", "--json"));
        Assert.Equal(0, (int)second["features"]!["computed"]!);
        Assert.Equal(4, (int)second["features"]!["cached"]!);
    }

    [Fact]
    public async Task Against_a_cluster_in_place_needs_a_library_root_the_silos_know()
    {
        var corpus = await fixture.GenerateAsync("in-place-gateway", perGenre: 1);
        ConsoleAssert.UserError(
            await fixture.Cli.RunAsync("ingest", corpus, "--in-place", "--gateway", "127.0.0.1:1"),
            "--in-place needs --library-root NAME[/PATH]");
        ConsoleAssert.UserError(
            await fixture.Cli.RunAsync("ingest", corpus, "--library-root", "music/../etc", "--gateway", "127.0.0.1:1"),
            "'..' segment");
    }
}
