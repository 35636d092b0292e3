using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MusicClustering.Console.Tests;

/// <summary>
/// Issue 15, a library that changes, through the real console: a grown folder re-ingested adds only its new files,
/// <c>--update-from</c> extracts only those and keeps the old tracks' cluster ids, and <c>--prune</c> removes deleted files.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class LibraryUpdateTests(ConsoleFixture fixture)
{
    private const int Genres = 3;
    private const int PerGenre = 11;
    private const string Dataset = "growing";
    private const string ReusedAlgorithm = "kmeans (reused centroids)";

    [Fact]
    public async Task A_grown_library_is_updated_with_only_its_new_tracks_extracted_and_stable_cluster_ids_then_pruned()
    {
        // 30 tracks first; one more per genre (10%) arrives later.
        var corpus = await fixture.GenerateAsync(Dataset, Genres, PerGenre, seconds: 2);
        var later = fixture.NewFolder("later");
        var added = Files.Clips(corpus).Where(c => Path.GetFileNameWithoutExtension(c).EndsWith($".{PerGenre - 1:D5}", StringComparison.Ordinal)).ToList();
        Assert.Equal(Genres, added.Count);
        foreach (var clip in added)
        {
            File.Move(clip, Path.Combine(later, Path.GetFileName(clip)));
        }

        var first = await IngestAsync(corpus);
        Assert.Equal(30, (int)first["added"]!);
        var original = await SubmitAsync();
        var originalClusters = Clusters(original);
        Assert.Equal(30, originalClusters.Count);

        foreach (var clip in Directory.GetFiles(later))
        {
            File.Move(clip, Path.Combine(corpus, Path.GetFileName(clip)));
        }

        var grown = await IngestAsync(corpus);
        Assert.Equal((3, 0, 30, 0), ((int)grown["added"]!, (int)grown["changed"]!, (int)grown["unchanged"]!, (int)grown["missing"]!));
        Assert.Equal(33, (int)grown["dataset_tracks"]!);

        var updated = await SubmitAsync("--update-from", (string)original["id"]!);
        var features = updated["features"]!;
        Assert.Equal(Genres, (int)features["computed"]!);
        Assert.Equal(30, (int)features["cached"]!);
        Assert.Equal((string)original["id"]!, (string)updated["update"]!["from"]!);
        Assert.Equal("refitted", (string)updated["update"]!["model"]!);
        Assert.Contains("Hungarian", (string)updated["update"]!["reason"]!, StringComparison.Ordinal);

        var drift = updated["drift"]!;
        int kept = (int)drift["kept"]!, moved = (int)drift["moved"]!;
        Assert.Equal(30, kept + moved);
        Assert.Equal(Genres, (int)drift["new"]!);
        Assert.Equal(0, (int)drift["removed"]!);
        Assert.True(kept >= 0.9 * 30, $"only {kept} of 30 old tracks kept their cluster id: {drift.ToJsonString()}");
        var updatedClusters = Clusters(updated);
        var movedTracks = drift["moved_tracks"]!.AsArray();
        Assert.Equal(moved, movedTracks.Count);
        Assert.Equal(
            originalClusters.Where(p => updatedClusters[p.Key] != p.Value).Select(p => p.Key).Order(StringComparer.Ordinal),
            movedTracks.Select(m => (string)m!["track"]!));
        Assert.All(movedTracks, m => Assert.Equal(originalClusters[(string)m!["track"]!], (int)m["from"]!));

        // The per-cluster tables (from library.json) use the mapped ids.
        var tables = await fixture.Cli.RunAsync("results", (string)updated["id"]!);
        ConsoleAssert.Succeeded(tables);
        Assert.All(updatedClusters.Values.Distinct(), c => Assert.Contains($"cluster {c}: ", tables.Stderr, StringComparison.Ordinal));
        Assert.Contains($"{kept} kept their cluster, {moved} moved, {Genres} new, 0 removed", tables.Stderr, StringComparison.Ordinal);

        // Deleted files: counted as missing and kept, until --prune removes them.
        var deleted = Files.Clips(corpus).Take(2).ToList();
        deleted.ForEach(File.Delete);
        var kept2 = await IngestAsync(corpus);
        Assert.Equal((2, 0, 33), ((int)kept2["missing"]!, (int)kept2["pruned"]!, (int)kept2["dataset_tracks"]!));
        var pruned = await IngestAsync(corpus, "--prune");
        Assert.Equal((0, 2, 31), ((int)pruned["missing"]!, (int)pruned["pruned"]!, (int)pruned["dataset_tracks"]!));
        Assert.Equal(deleted.Select(Path.GetFileName).Order(StringComparer.Ordinal), pruned["gone"]!.AsArray().Select(p => (string)p!));

        var listed = await fixture.Cli.RunAsync("tracks", Dataset, "--json");
        ConsoleAssert.Succeeded(listed);
        var paths = Files.Json(listed)["tracks"]!.AsArray().Select(t => (string)t!["path"]!).ToList();
        Assert.Equal(31, paths.Count);
        Assert.DoesNotContain(paths, p => deleted.Select(Path.GetFileName).Contains(p));

        var afterPrune = await SubmitAsync("--update-from", (string)updated["id"]!);
        Assert.Equal((0, 2, 31), ((int)afterPrune["drift"]!["new"]!, (int)afterPrune["drift"]!["removed"]!,
            (int)afterPrune["drift"]!["kept"]! + (int)afterPrune["drift"]!["moved"]!));
        Assert.Equal(0, (int)afterPrune["features"]!["computed"]!);

        ConsoleAssert.UserError(await fixture.Cli.RunAsync(
            "submit", "--dataset", Dataset, "--k", $"{Genres}", "--model", "none", "--features", "stats", "--update-from", "no-such-run", "--wait"),
            "--update-from 'no-such-run'", "no results");
    }

    [Fact]
    public async Task Update_model_reuse_places_a_grown_library_in_the_earlier_vae_space_with_no_training_and_its_own_ids()
    {
        const string dataset = "reused";
        // 3 s clips: other audio than the refit test's, so neither finds the other's features cached.
        var corpus = await fixture.GenerateAsync(dataset, Genres, PerGenre, seconds: 3);
        var later = fixture.NewFolder("reused-later");
        foreach (var clip in Files.Clips(corpus).Where(c => Path.GetFileNameWithoutExtension(c).EndsWith($".{PerGenre - 1:D5}", StringComparison.Ordinal)))
        {
            File.Move(clip, Path.Combine(later, Path.GetFileName(clip)));
        }

        string[] vae = ["submit", "--dataset", dataset, "--k", $"{Genres}", "--model", "vae", "--epochs", "5", "--features", "stats", "--no-tsne", "--no-baselines", "--wait", "--json"];
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", corpus, "--dataset", dataset));
        var original = Files.Json(await fixture.Cli.RunAsync(vae));
        var originalId = (string)original["id"]!;
        var originalClusters = Clusters(original);
        foreach (var clip in Directory.GetFiles(later))
        {
            File.Move(clip, Path.Combine(corpus, Path.GetFileName(clip)));
        }

        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", corpus, "--dataset", dataset));
        var result = await fixture.Cli.RunAsync([.. vae, "--update-from", originalId, "--update-model", "reuse"]);
        ConsoleAssert.Succeeded(result);
        var updated = Files.Json(result);

        Assert.Equal("reused", (string)updated["update"]!["model"]!);
        Assert.Contains("nearest stored centroid", (string)updated["update"]!["reason"]!, StringComparison.Ordinal);
        Assert.Null(updated["timings_s"]!["train"]);
        Assert.Equal("vae (reused)", (string)updated["rows"]!.AsArray()[0]!["representation"]!);
        Assert.Equal(ReusedAlgorithm, (string)updated["clustering"]!["algorithm"]!);
        // The same model and centroids: every old track keeps its cluster exactly; the new ones join their genre's.
        var drift = updated["drift"]!;
        Assert.Equal((30, 0, Genres), ((int)drift["kept"]!, (int)drift["moved"]!, (int)drift["new"]!));
        var clusters = Clusters(updated);
        Assert.All(originalClusters, p => Assert.Equal(p.Value, clusters[p.Key]));
        var majority = originalClusters.GroupBy(p => p.Key.Split('.')[0]).ToDictionary(g => g.Key, g => g.GroupBy(p => p.Value).MaxBy(c => c.Count())!.Key);
        Assert.All(clusters.Where(p => !originalClusters.ContainsKey(p.Key)), p => Assert.Equal(majority[p.Key.Split('.')[0]], p.Value));

        // Its library places new audio with the earlier model, as the earlier library does.
        var probe = Files.Clips(corpus)[0];
        var placedNow = Files.Json(await fixture.Cli.RunAsync("assign", "--experiment", (string)updated["id"]!, probe, "--json"))["assignments"]!.AsArray()[0]!;
        var placedBefore = Files.Json(await fixture.Cli.RunAsync("assign", "--experiment", originalId, probe, "--json"))["assignments"]!.AsArray()[0]!;
        Assert.Equal((int)placedBefore["cluster"]!, (int)placedNow["cluster"]!);

        // k auto: the reused centroids bring their k.
        var auto = await fixture.Cli.RunAsync([.. vae.Select(a => a == $"{Genres}" ? "auto" : a), "--update-from", originalId, "--update-model", "reuse"]);
        ConsoleAssert.Succeeded(auto);
        Assert.Equal(Genres, (int)Files.Json(auto)["clustering"]!["k"]!);

        ConsoleAssert.UserError(await fixture.Cli.RunAsync([.. vae, "--update-model", "reuse"]), "update_model 'reuse' needs update_from");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync([.. vae, "--update-from", originalId, "--update-model", "keep"]), "update_model 'keep' is unknown", "refit, reuse");
        ConsoleAssert.UserError(
            await fixture.Cli.RunAsync([.. vae.Select(a => a == "stats" ? "gtzan57" : a), "--update-from", originalId, "--update-model", "reuse"]),
            $"--update-from '{originalId}' used feature config 'stats', not 'gtzan57'");
    }

    [Fact]
    public async Task Similar_with_the_artist_filter_gives_no_neighbour_by_the_query_artist()
    {
        // Four flac files per genre, two artists per genre: without the filter a track's nearest are mostly its own artist's.
        var corpus = await fixture.GenerateAsync("artists", genres: 2, perGenre: 4, seconds: 2);
        var folder = fixture.NewFolder("artists-flac");
        var clips = Files.Clips(corpus);
        for (var i = 0; i < clips.Length; i++)
        {
            var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
                ["-loglevel", "error", "-y", "-i", clips[i], "-metadata", $"artist=Artist {i / 2}", Path.Combine(folder, Path.GetFileNameWithoutExtension(clips[i]) + ".flac")]))!;
            await ffmpeg.WaitForExitAsync();
            Assert.Equal(0, ffmpeg.ExitCode);
        }

        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", folder, "--dataset", "artists"));
        var tagged = Files.Json(await fixture.Cli.RunAsync("tracks", "artists", "--json"))["tracks"]!.AsArray();
        Assert.All(tagged, t => Assert.StartsWith("Artist ", (string)t!["tags"]!["artist"]!, StringComparison.Ordinal));
        var submitted = await fixture.Cli.RunAsync(
            "submit", "--dataset", "artists", "--k", "2", "--model", "none", "--features", "stats", "--no-tsne", "--no-baselines", "--wait", "--json");
        ConsoleAssert.Succeeded(submitted);
        var id = (string)Files.Json(submitted)["id"]!;
        string ArtistOf(string track) => $"Artist {Array.FindIndex(clips, c => Path.GetFileNameWithoutExtension(c) == track) / 2}";

        var track = Path.GetFileNameWithoutExtension(clips[0]);
        var filtered = Files.Json(await fixture.Cli.RunAsync("similar", "--experiment", id, "--track", track, "--n", "5", "--artist-filter", "--json"));
        var neighbours = filtered["neighbours"]!.AsArray().Select(n => (string)n!["track"]!).ToList();
        Assert.Equal(5, neighbours.Count);
        Assert.DoesNotContain(neighbours, n => ArtistOf(n) == ArtistOf(track));
        // The filter is the unfiltered order (all 7 other tracks) without the query artist's tracks.
        var plain = Files.Json(await fixture.Cli.RunAsync("similar", "--experiment", id, "--track", track, "--n", "7", "--json"))["neighbours"]!.AsArray()
            .Select(n => (string)n!["track"]!).ToList();
        Assert.Equal(plain.Where(n => ArtistOf(n) != ArtistOf(track)).Take(5), neighbours);
        Assert.Equal(plain.TakeWhile(n => n != neighbours[^1]).Count(n => ArtistOf(n) == ArtistOf(track)), (int)filtered["excluded_same_artist"]!);
        Assert.Null(Files.Json(await fixture.Cli.RunAsync("similar", "--experiment", id, "--track", track, "--json"))["excluded_same_artist"]);
    }

    private async Task<JsonNode> IngestAsync(string corpus, params string[] extra)
    {
        var result = await fixture.Cli.RunAsync(["ingest", corpus, "--dataset", Dataset, "--json", .. extra]);
        ConsoleAssert.Succeeded(result);
        return Files.Json(result);
    }

    private async Task<JsonNode> SubmitAsync(params string[] extra)
    {
        var result = await fixture.Cli.RunAsync(
            ["submit", "--dataset", Dataset, "--k", $"{Genres}", "--model", "none", "--features", "stats", "--no-tsne", "--no-baselines", "--wait", "--json", .. extra]);
        ConsoleAssert.Succeeded(result);
        return Files.Json(result);
    }

    private static Dictionary<string, int> Clusters(JsonNode results) =>
        results["clustering"]!["assignments"]!.AsObject().ToDictionary(p => p.Key, p => (int)p.Value!);
}
