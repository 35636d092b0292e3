using System.CommandLine;
using MusicClustering.Client.Commands.Bench.SideBySide;
using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// The shape every one-clip benchmark shares: <c>--repeats</c>, <c>--clip</c>, <c>--reference</c> and <c>--json</c>,
/// the repeat count checked, then the report printed as JSON or as one line.
/// </summary>
internal static class ClipBenchCommand
{
    /// <summary>Runs <paramref name="run"/>(repeats, clip, reference directory) and prints its report.</summary>
    public static Command Create<TReport>(
        string name, string description, int defaultRepeats, string repeatsDescription,
        Func<int, string?, string?, CancellationToken, Task<TReport>> run, Func<TReport, string> describe)
    {
        var repeats = new Option<int>("--repeats") { Description = repeatsDescription, DefaultValueFactory = _ => defaultRepeats };
        var clip = new Option<string?>("--clip") { Description = "Time this file instead of the synthetic 30 s clip." };
        var reference = ReferenceOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON to stdout." };
        var command = new Command(name, description) { repeats, clip, reference, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var count = parseResult.GetValue(repeats);
            if (count < 1)
            {
                CliContext.Status.MarkupLine("[red]--repeats must be at least 1[/]");
                return 2;
            }

            var report = await run(count, parseResult.GetValue(clip), parseResult.GetValue(reference), cancellationToken);
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
