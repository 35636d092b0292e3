using System.Globalization;
using MusicClustering.Audio;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>The synthetic corpus the pipeline benchmarks ingest: 10 genres of deterministic clips in a temporary folder.</summary>
internal static class BenchCorpus
{
    public static string Generate(int clips, int seed, double seconds)
    {
        var folder = Directory.CreateTempSubdirectory("mc-bench-corpus-").FullName;
        var perGenre = (clips + 9) / 10;
        CliContext.Status.MarkupLine(
            $"[grey]generating {perGenre * 10} clips of {seconds.ToString(CultureInfo.InvariantCulture)} s in {Markup.Escape(folder)}[/]");
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 10, PerGenre: perGenre, Seconds: seconds, Seed: seed), folder);
        // The benchmarks cluster audio only; the generated lyrics would only slow ingest down.
        File.Delete(Path.Combine(folder, "lyrics.csv"));
        return folder;
    }
}
