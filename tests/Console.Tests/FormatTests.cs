using System.Diagnostics;

namespace MusicClustering.Console.Tests;

/// <summary>Row 7 of issue 12: whatever ffmpeg reads is ingested, and every file left out is listed with its reason.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class FormatTests(ConsoleFixture fixture)
{
    private static readonly string[] Compressed = ["song.aac", "song.wma", "song.webm", "song.mka"];

    [Fact]
    public async Task Formats_ffmpeg_reads_are_ingested_and_clustered_and_other_files_are_listed_as_skipped()
    {
        var clips = Files.Clips(await fixture.GenerateAsync("formats-src", perGenre: 2));
        var folder = fixture.NewFolder("formats");
        Files.CopyTo(clips[0], folder, "a.wav");
        Files.CopyTo(clips[1], folder, "b.wav");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not audio");
        var ffmpeg = Ffmpeg.Available;
        if (ffmpeg)
        {
            foreach (var name in Compressed)
            {
                await Ffmpeg.RunAsync("-v", "error", "-y", "-i", clips[2], Path.Combine(folder, name));
            }

            await Ffmpeg.RunAsync("-v", "error", "-y", "-f", "lavfi", "-i", "color=c=red:s=32x32", "-frames:v", "1", Path.Combine(folder, "cover.jpg"));
        }

        var ingest = await fixture.Cli.RunAsync("ingest", folder, "--dataset", "formats", "--json");
        ConsoleAssert.Succeeded(ingest);
        var report = Files.Json(ingest);
        var skipped = report["skipped"]!.AsArray().ToDictionary(s => (string)s!["path"]!, s => (string)s!["reason"]!);
        var paths = Files.Ids(report).Keys.ToHashSet();
        Assert.Contains("notes.txt", skipped.Keys);
        Assert.Contains("notes.txt", ingest.Stderr, StringComparison.Ordinal);
        if (!ffmpeg)
        {
            Assert.Contains("ffmpeg", skipped["notes.txt"], StringComparison.Ordinal);
            return;
        }

        Assert.Superset(Compressed.ToHashSet(), paths);
        Assert.StartsWith("ffmpeg reads no audio from .jpg files", skipped["cover.jpg"], StringComparison.Ordinal);
        Assert.StartsWith("ffmpeg reads no audio from .txt files", skipped["notes.txt"], StringComparison.Ordinal);

        var submit = await fixture.Cli.RunAsync("submit", "--dataset", "formats", "--model", "none", "--k", "2", "--no-tsne", "--no-baselines", "--wait", "--json");
        ConsoleAssert.Succeeded(submit);
        var results = Files.Json(submit);
        Assert.Empty(results["failed"]!.AsArray());
        Assert.Equal(2 + Compressed.Length, (int)results["tracks"]!);
    }

    private static class Ffmpeg
    {
        public static bool Available => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "ffmpeg")));

        public static async Task RunAsync(params string[] args)
        {
            var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info)!;
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"ffmpeg {string.Join(' ', args)} failed: {stderr}");
        }
    }
}
