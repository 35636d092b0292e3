using System.CommandLine;
using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// <c>cluster bench scale --tracks N</c>: N short synthetic clips through the whole pipeline (ingest, extraction,
/// training, clustering, metrics, t-SNE) on in-process silos, cold and cached, in <c>bench e2e</c>'s JSON shape. It
/// measures how each stage grows with n; there is no reference to run beside it (the Python notebook does not reach
/// these sizes), so it prints no ratio.
/// </summary>
public static class BenchScaleCommand
{
    public static Command Create()
    {
        var tracks = new Option<int>("--tracks") { Description = "Clips to synthesise (10 genres).", Required = true };
        var seconds = new Option<double>("--seconds") { Description = "Length of each clip.", DefaultValueFactory = _ => 1 };
        var silos = new Option<int>("--silos") { Description = "In-process silos to start.", DefaultValueFactory = _ => 2 };
        var perSilo = new Option<int>("--extractions-per-silo") { Description = "MFCC jobs per silo (1 = each silo stands for a one-core node).", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--epochs") { Description = "VAE epochs.", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated clips.", DefaultValueFactory = _ => 42 };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON to stdout." };
        var command = new Command("scale", "Run N short synthetic clips through the whole pipeline and report stage times, peak RSS and the largest message.")
        {
            tracks, seconds, silos, perSilo, epochs, seed, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var clips = parseResult.GetValue(tracks);
            var clipSeconds = parseResult.GetValue(seconds);
            if (clips < 10 || clipSeconds is <= 0 or > 60 || parseResult.GetValue(silos) < 1 || parseResult.GetValue(perSilo) < 1 || parseResult.GetValue(epochs) < 1)
            {
                CliContext.Status.MarkupLine("[red]--tracks must be at least 10, --seconds in (0, 60], --silos, --extractions-per-silo and --epochs at least 1[/]");
                return 2;
            }

            var folder = BenchCorpus.Generate(clips, parseResult.GetValue(seed), clipSeconds);
            try
            {
                var settings = CliContext.Settings(parseResult);
                await using var cluster = await BenchCluster.StartEmbeddedAsync(settings, parseResult.GetValue(silos), parseResult.GetValue(perSilo), null, cancellationToken);
                var runner = new E2eBenchRunner(cluster, line => CliContext.Status.MarkupLine($"[grey]{Markup.Escape(line)}[/]"));
                var report = await runner.RunAsync(folder, $"bench-scale-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}", parseResult.GetValue(epochs), cancellationToken);
                if (parseResult.GetValue(json))
                {
                    Console.WriteLine(ResultsJson.Serialize(report));
                }
                else
                {
                    CliContext.Status.MarkupLine(Markup.Escape(BenchE2eCommand.Describe(report)));
                }

                return 0;
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }
}
