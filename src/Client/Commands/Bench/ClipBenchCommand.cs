using System.CommandLine;
using MusicClustering.Client.Commands.Bench.SideBySide;
using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// The shape every one-clip benchmark shares: <c>--repeats</c>, <c>--clip</c>, <c>--reference</c> and <c>--json</c>
/// (and <c>--rounds</c> where the benchmark takes them), the counts checked, then the report printed as JSON or as one
/// line.
/// </summary>
internal static class ClipBenchCommand
{
    /// <summary>Runs <paramref name="run"/>(repeats, rounds, clip, reference directory) and prints its report; without <paramref name="defaultRounds"/> there is no --rounds and rounds is 1.</summary>
    public static Command Create<TReport>(
        string name, string description, int defaultRepeats, string repeatsDescription,
        Func<int, int, string?, string?, CancellationToken, Task<TReport>> run, Func<TReport, string> describe, int? defaultRounds = null)
    {
        var repeats = new Option<int>("--repeats") { Description = repeatsDescription, DefaultValueFactory = _ => defaultRepeats };
        var rounds = defaultRounds is { } roundsByDefault
            ? new Option<int>("--rounds")
            {
                Description = "Rounds of ours then the reference; the round with the median ratio is reported, every round is listed.",
                DefaultValueFactory = _ => roundsByDefault,
            }
            : null;
        var clip = new Option<string?>("--clip") { Description = "Time this file instead of the synthetic 30 s clip." };
        var reference = ReferenceOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON to stdout." };
        var command = new Command(name, description) { repeats, clip, reference, json };
        if (rounds is not null)
        {
            command.Options.Add(rounds);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var count = parseResult.GetValue(repeats);
            var roundCount = rounds is null ? 1 : parseResult.GetValue(rounds);
            if (count < 1 || roundCount < 1)
            {
                throw new UserErrorException(rounds is null ? "--repeats must be at least 1" : "--repeats and --rounds must be at least 1");
            }

            var report = await run(count, roundCount, parseResult.GetValue(clip), parseResult.GetValue(reference), cancellationToken);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(ResultsJson.Serialize(report));
            }
            else
            {
                CliContext.Status.MarkupLine(Markup.Escape(describe(report)));
            }

            return 0;
        });
        return command;
    }
}
