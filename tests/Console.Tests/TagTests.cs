using System.Diagnostics;

namespace MusicClustering.Console.Tests;

/// <summary>Issue 15: ingest reads the tags ffmpeg wrote into mp3, ogg, flac and m4a files; --labels tag:genre labels by them.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class TagTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Ingest_reads_tags_from_mp3_ogg_flac_and_m4a_and_labels_by_genre_when_asked()
    {
        var corpus = await fixture.GenerateAsync("tags", genres: 1, perGenre: 1, seconds: 2);
        var folder = fixture.NewFolder("tagged");
        string[] formats = ["mp3", "ogg", "flac", "m4a"];
        foreach (var ext in formats)
        {
            var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
                ["-loglevel", "error", "-y", "-i", Files.Clips(corpus)[0], "-metadata", $"title=Song {ext}", "-metadata", "artist=Band",
                 "-metadata", "album=Record", "-metadata", $"genre=Genre{ext}", "-metadata", "date=2001", Path.Combine(folder, $"song.{ext}")]))!;
            await ffmpeg.WaitForExitAsync();
            Assert.Equal(0, ffmpeg.ExitCode);
        }

        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", folder, "--dataset", "tagged", "--labels", "tag:genre"));
        var listed = await fixture.Cli.RunAsync("tracks", "tagged", "--json");
        ConsoleAssert.Succeeded(listed);
        var tracks = Files.Json(listed)["tracks"]!.AsArray();
        Assert.Equal(formats.Length, tracks.Count);
        foreach (var ext in formats)
        {
            var track = Assert.Single(tracks, t => (string)t!["path"]! == $"song.{ext}")!;
            var tags = track["tags"]!;
            Assert.Equal($"Song {ext}", (string)tags["title"]!);
            Assert.Equal("Band", (string)tags["artist"]!);
            Assert.Equal("Record", (string)tags["album"]!);
            Assert.Equal(2001, (int)tags["year"]!);
            Assert.True((double)tags["duration_s"]! > 0.5, track.ToJsonString());
            Assert.Equal($"Genre{ext}", (string)track["label"]!);
        }

        ConsoleAssert.UserError(await fixture.Cli.RunAsync("ingest", folder, "--dataset", "tagged", "--labels", "mood"), "--labels must be folder, prefix, tag:genre or none");
    }
}
