using System.CommandLine;
using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// <c>cluster bench scale --tracks N</c>: N short synthetic clips through the whole pipeline (ingest, extraction,
/// training, clustering, metrics, t-SNE), cold and cached, in <c>bench e2e</c>'s JSON shape. Like <c>bench e2e</c> it
/// reads the folder in place on embedded silos (<c>--upload</c> copies it into blobs), or runs against a cluster at
/// <c>--gateway</c> (silo processes, so each silo's RSS is its own) on a folder given with <c>--audio</c>. It measures
/// how each stage grows with n; there is no reference to run beside it (the Python notebook does not reach these
/// sizes), so it prints no ratio.
/// </summary>
public static class BenchScaleCommand
{
    public static Command Create()
    {
        var tracks = new Option<int>("--tracks") { Description = "Clips to synthesise (10 genres); with --audio, ignored." };
        var audio = new Option<string?>("--audio") { Description = "A folder of labelled clips to run instead of synthesising (e.g. written by cluster generate), kept afterwards." };
        var seconds = new Option<double>("--seconds") { Description = "Length of each clip.", DefaultValueFactory = _ => 1 };
        var silos = new Option<int>("--silos") { Description = "In-process silos to start.", DefaultValueFactory = _ => 2 };
        var perSilo = new Option<int>("--extractions-per-silo") { Description = "MFCC jobs per silo (1 = each silo stands for a one-core node).", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--epochs") { Description = "VAE epochs.", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated clips.", DefaultValueFactory = _ => 42 };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON to stdout." };
        var command = new Command("scale", "Run N short synthetic clips through the whole pipeline and report stage times, peak RSS and the largest message.")
        {
            tracks, audio, seconds, silos, perSilo, epochs, seed, json,
        };
        var target = new BenchAudioTarget();
        target.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var clips = parseResult.GetValue(tracks);
            var given = parseResult.GetValue(audio);
            var clipSeconds = parseResult.GetValue(seconds);
            if ((given is null && clips < 10) || clipSeconds is <= 0 or > 60 || parseResult.GetValue(silos) < 1 || parseResult.GetValue(perSilo) < 1 || parseResult.GetValue(epochs) < 1)
            {
                throw new UserErrorException("--tracks must be at least 10 (or give --audio DIR), --seconds in (0, 60], --silos, --extractions-per-silo and --epochs at least 1");
            }

            BenchAudioTarget.RequireFolder(given);

            var folder = given ?? BenchCorpus.Generate(clips, parseResult.GetValue(seed), clipSeconds);
            try
            {
                var settings = CliContext.Settings(parseResult);
                var inPlace = target.InPlace(parseResult, settings);
                await using var cluster = await BenchAudioTarget.StartAsync(settings, parseResult.GetValue(silos), parseResult.GetValue(perSilo), folder, cancellationToken);
                var runner = new E2eBenchRunner(cluster, line => CliContext.Status.MarkupLine($"[grey]{Markup.Escape(line)}[/]")) { InPlace = inPlace };
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
                if (given is null)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        });
        return command;
    }
}
