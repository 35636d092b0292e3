using System.CommandLine;
using MusicClustering.Audio;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary><c>cluster generate</c>: a deterministic synthetic corpus (audio, labels in names, lyrics.csv).</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var genres = new Option<int>("--genres") { Description = "Number of genres (at most 10).", DefaultValueFactory = _ => 10 };
        var perGenre = new Option<int>("--per-genre") { Description = "Tracks per genre.", DefaultValueFactory = _ => 10 };
        var seconds = new Option<double>("--seconds") { Description = "Length of each clip in seconds.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same files.", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "Output folder.", Required = true };
        var command = new Command("generate", "Write a deterministic synthetic corpus: <genre>.<nnnnn>.wav files and lyrics.csv.")
        {
            genres, perGenre, seconds, seed, output,
        };
        command.SetAction(parseResult =>
        {
            var options = new SyntheticCorpusOptions(
                parseResult.GetValue(genres), parseResult.GetValue(perGenre), parseResult.GetValue(seconds), parseResult.GetValue(seed));
            var folder = parseResult.GetValue(output)!;
            var result = SyntheticCorpus.Generate(options, folder);
            CliContext.Status.MarkupLine($"[green]wrote[/] {result.Tracks.Count} clips to {Markup.Escape(folder)}");
            return 0;
        });
        return command;
    }
}
