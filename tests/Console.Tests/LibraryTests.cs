using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MusicClustering.Console.Tests;

/// <summary>Issue 15: a clustered folder as a library, through the real console: which songs go together, similar songs, new songs placed, playlists.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class LibraryTests(ConsoleFixture fixture)
{
    private const int Genres = 3;
    private const int PerGenre = 8;
    private const int HeldOutPerGenre = 2;

    [Fact]
    public async Task A_clustered_library_answers_which_songs_go_together_similar_songs_new_songs_and_playlists()
    {
        var corpus = await fixture.GenerateAsync("library", Genres, PerGenre, seconds: 2);
        var heldOut = fixture.NewFolder("held-out");
        foreach (var clip in Files.Clips(corpus).Where(c => Number(c) >= PerGenre - HeldOutPerGenre))
        {
            File.Move(clip, Path.Combine(heldOut, Path.GetFileName(clip)));
        }

        // Sub-folders keep their relative paths: the library's root is the ingested folder.
        var moved = Files.Clips(corpus)[0];
        Directory.CreateDirectory(Path.Combine(corpus, "nested"));
        File.Move(moved, Path.Combine(corpus, "nested", Path.GetFileName(moved)));
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", corpus, "--dataset", "library"));
        var submitted = await fixture.Cli.RunAsync(
            "submit", "--dataset", "library", "--k", $"{Genres}", "--model", "none", "--features", "stats", "--no-tsne", "--no-baselines", "--wait", "--json");
        ConsoleAssert.Succeeded(submitted);
        var id = (string)Files.Json(submitted)["id"]!;

        // results: one table per cluster with its representative tracks' paths.
        var results = await fixture.Cli.RunAsync("results", id);
        ConsoleAssert.Succeeded(results);
        for (var c = 0; c < Genres; c++)
        {
            Assert.Contains($"cluster {c}: ", results.Stderr, StringComparison.Ordinal);
        }

        Assert.Contains("nested/" + Path.GetFileName(moved), results.Stderr, StringComparison.Ordinal);
        Assert.Contains("distinctive: mfcc", results.Stderr, StringComparison.Ordinal);

        // report.html names every clustered track by its path, and each plays from a read-only URL the store signed.
        var ingested = Directory.GetFiles(corpus, "*.wav", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(corpus, f)).Order().ToList();
        var reportFolder = fixture.NewFolder("report");
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("results", id, "--out", reportFolder));
        var report = await File.ReadAllTextAsync(Path.Combine(reportFolder, "report.html"));
        Assert.All(ingested, path => Assert.Contains($"{WebUtility.HtmlEncode(path)}</td>", report, StringComparison.Ordinal));
        var data = JsonNode.Parse(Regex.Match(report, "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value)!;
        var points = data["points"]!.AsArray();
        Assert.Equal(ingested, points.Select(p => (string)p!["path"]!).Order().ToList());
        var listen = points.Single(p => (string)p!["path"]! == "nested/" + Path.GetFileName(moved))!;
        Assert.Contains("sp=r", (string)listen["audio"]!, StringComparison.Ordinal);
        using (var http = new HttpClient())
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(corpus, "nested", Path.GetFileName(moved))), await http.GetByteArrayAsync((string)listen["audio"]!));
        }

        // similar: most of a track's 5 neighbours share its genre, and never the track itself (every other track queried:
        // each query is a console start).
        var shared = 0;
        var queried = Directory.GetFiles(corpus, "*.wav", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Where((_, i) => i % 2 == 0).ToList();
        foreach (var clip in queried)
        {
            var track = Path.GetFileNameWithoutExtension(clip);
            var similar = await fixture.Cli.RunAsync("similar", "--experiment", id, "--track", track, "--n", "5", "--json");
            ConsoleAssert.Succeeded(similar);
            var json = Files.Json(similar);
            Assert.Equal(track, (string)json["track"]!);
            var neighbours = json["neighbours"]!.AsArray();
            Assert.Equal(5, neighbours.Count);
            Assert.DoesNotContain(neighbours, n => (string)n!["track"]! == track);
            Assert.All(neighbours, n => Assert.EndsWith(".wav", (string)n!["path"]!, StringComparison.Ordinal));
            Assert.True(neighbours.Zip(neighbours.Skip(1)).All(p => (double)p.First!["distance"]! <= (double)p.Second!["distance"]!));
            shared += neighbours.Count(n => Genre((string)n!["track"]!) == Genre(track));
        }

        Assert.True(shared >= 0.8 * 5 * queried.Count, $"{shared} of {5 * queried.Count} neighbours share the query's genre");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("similar", "--experiment", id, "--track", "no-such-track"), "no track 'no-such-track'");

        // assign: held-out clips land in their genre's majority cluster, with the stored scaler, no retraining.
        var clusterOf = await ClustersAsync(id);
        var majority = clusterOf.GroupBy(p => Genre(p.Key))
            .ToDictionary(g => g.Key, g => g.GroupBy(p => p.Value).MaxBy(c => c.Count())!.Key);
        var heldOutClips = Directory.GetFiles(heldOut).Order(StringComparer.Ordinal).ToArray();
        var bad = Path.Combine(heldOut, "not-audio.wav");
        await File.WriteAllTextAsync(bad, "not audio");
        var assigned = await fixture.Cli.RunAsync(["assign", "--experiment", id, .. heldOutClips, bad, "--json"]);
        ConsoleAssert.Succeeded(assigned);
        var assignments = Files.Json(assigned)["assignments"]!.AsArray();
        Assert.Equal(heldOutClips.Length, assignments.Count);
        var right = assignments.Count(a => (int)a!["cluster"]! == majority[Genre(Path.GetFileNameWithoutExtension((string)a["file"]!))]);
        Assert.True(right >= 0.9 * heldOutClips.Length, $"{right} of {heldOutClips.Length} held-out clips in their genre's majority cluster: {assigned.Stdout}");
        Assert.All(assignments, a => Assert.Equal(5, a!["neighbours"]!.AsArray().Count));
        Assert.Contains("not-audio.wav", Files.Json(assigned)["failed"]!.ToJsonString(), StringComparison.Ordinal);

        // playlists: every track exactly once, paths as ingested, #EXTINF lines.
        var folder = fixture.NewFolder("playlists");
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("playlists", "--experiment", id, "--out", folder));
        var files = Directory.GetFiles(folder, "*.m3u8");
        Assert.Equal(clusterOf.Values.Distinct().Count(), files.Length);
        var listed = new List<string>();
        foreach (var file in files)
        {
            var lines = await File.ReadAllLinesAsync(file);
            Assert.Equal("#EXTM3U", lines[0]);
            var entries = lines.Skip(1).Where(l => !l.StartsWith('#')).ToList();
            Assert.Equal(entries.Count, lines.Count(l => l.StartsWith("#EXTINF:", StringComparison.Ordinal)));
            listed.AddRange(entries);
        }

        Assert.Equal(ingested, listed.Order().ToList());
        Assert.All(ingested, path => Assert.True(File.Exists(Path.Combine(corpus, path))));
    }

    [Fact]
    public async Task K_auto_chooses_k_without_labels_on_a_folder_smaller_than_the_default_k_and_records_the_curve()
    {
        var corpus = await fixture.GenerateAsync("k-auto", genres: 2, perGenre: 3, seconds: 2);
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", corpus, "--dataset", "k-auto"));
        ConsoleAssert.UserError(
            await fixture.Cli.RunAsync("submit", "--dataset", "k-auto", "--model", "none", "--no-tsne", "--no-baselines", "--wait", "--json"),
            "k = 10 is more than the dataset's 6 tracks", "k auto");
        ConsoleAssert.UserError(await fixture.Cli.RunAsync("submit", "--dataset", "k-auto", "--k", "many"), "--k must be a whole number or auto");

        var submitted = await fixture.Cli.RunAsync(
            "submit", "--dataset", "k-auto", "--k", "auto", "--model", "none", "--features", "stats", "--no-tsne", "--no-baselines", "--wait", "--json");
        ConsoleAssert.Succeeded(submitted);
        var results = Files.Json(submitted);
        var selection = results["k_selection"]!;
        Assert.Equal("silhouette", (string)selection["criterion"]!);
        Assert.Equal([2, 5], selection["range"]!.AsArray().Select(v => (int)v!));
        var curve = selection["curve"]!.AsArray();
        Assert.Equal([2, 3, 4, 5], curve.Select(p => (int)p!["k"]!));
        var best = curve.MaxBy(p => (double?)p!["score"] ?? double.NegativeInfinity)!;
        Assert.Equal((int)best["k"]!, (int)selection["k"]!);
        Assert.Equal((int)selection["k"]!, (int)results["clustering"]!["k"]!);
        Assert.Equal((int)selection["k"]!, results["clustering"]!["assignments"]!.AsObject().Select(p => (int)p.Value!).Distinct().Count());
    }

    private async Task<Dictionary<string, int>> ClustersAsync(string id)
    {
        var results = await fixture.Cli.RunAsync("results", id, "--json");
        ConsoleAssert.Succeeded(results);
        return Files.Json(results)["clustering"]!["assignments"]!.AsObject().ToDictionary(p => p.Key, p => (int)p.Value!);
    }

    private static string Genre(string track) => track.Split('.')[0];

    private static int Number(string clip) => int.Parse(Path.GetFileNameWithoutExtension(clip).Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);
}
