namespace MusicClustering.Console.Tests;

/// <summary>Rows 1 and 3 of issue 12: ids for names in every script, never colliding; lyrics matched by real file names.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class TrackIdAndLyricsTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Names_in_every_script_get_distinct_ids_lyrics_match_by_file_name_and_results_keep_the_paths()
    {
        var clips = Files.Clips(await fixture.GenerateAsync("ids-src", genres: 2, perGenre: 4));
        var folder = fixture.NewFolder("ids");
        Files.CopyTo(clips[0], folder, "Лето.wav");
        Files.CopyTo(clips[1], folder, "Зима.wav");
        Files.CopyTo(clips[2], folder, "Ünïcødé 日本/Mes Larmes 涙.wav");
        Files.CopyTo(clips[3], folder, "♪♫.wav"); // nothing to keep: both of these make "_"
        Files.CopyTo(clips[4], folder, "☺.wav");
        Files.CopyTo(clips[5], folder, "a b.wav"); // same id and the same content
        Files.CopyTo(clips[5], folder, "a_b.wav");
        Files.CopyTo(clips[6], folder, "Cafe\u0301.wav"); // decomposed on disk: the id and path are NFC
        File.WriteAllText(Path.Combine(folder, "lyrics.csv"), """
            track,lyrics
            Лето.wav,sun sea sand summer
            Зима,snow ice winter cold
            Ünïcødé 日本/Mes Larmes 涙.wav,tears rain night
            Café.wav,coffee morning cup
            nobody.wav,a song nobody sang
            """);

        var ingest = await fixture.Cli.RunAsync("ingest", folder, "--dataset", "scripts", "--json");
        ConsoleAssert.Succeeded(ingest);
        var report = Files.Json(ingest);
        var ids = Files.Ids(report);
        Assert.Equal(8, ids.Count);
        Assert.Equal(8, ids.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("Лето", ids["Лето.wav"]);
        Assert.Equal("Зима", ids["Зима.wav"]);
        Assert.Equal("Ünïcødé_日本_Mes_Larmes_涙", ids["Ünïcødé 日本/Mes Larmes 涙.wav"]);
        Assert.Equal("Café", ids["Café.wav"]);
        Assert.StartsWith("_-", ids["♪♫.wav"], StringComparison.Ordinal);
        Assert.StartsWith("_-", ids["☺.wav"], StringComparison.Ordinal);
        Assert.StartsWith("a_b-", ids["a b.wav"], StringComparison.Ordinal);
        Assert.StartsWith("a_b-", ids["a_b.wav"], StringComparison.Ordinal);

        Assert.Equal(4, (int)report["lyrics_matched"]!);
        var unmatched = Assert.Single(report["lyrics_unmatched"]!.AsArray());
        Assert.Equal("nobody.wav", (string)unmatched!["key"]!);
        Assert.Equal(["a b.wav", "a_b.wav", "☺.wav", "♪♫.wav"], report["tracks_without_lyrics"]!.AsArray().Select(p => (string)p!).Order(StringComparer.Ordinal));
        Assert.Contains("nobody.wav: no track has this id, file name or path", ingest.Stderr, StringComparison.Ordinal);

        var submit = await fixture.Cli.RunAsync(
            "submit", "--dataset", "scripts", "--model", "none", "--k", "2", "--no-tsne", "--no-baselines", "--wait", "--json");
        ConsoleAssert.Succeeded(submit);
        var results = Files.Json(submit);
        Assert.Equal("Ünïcødé 日本/Mes Larmes 涙.wav", (string)results["track_paths"]!["Ünïcødé_日本_Mes_Larmes_涙"]!);
        Assert.NotNull(results["clustering"]!["assignments"]!["Лето"]);
    }
}
