using System.CommandLine;
using System.Globalization;
using MusicClustering.Audio;
using MusicClustering.Client.Commands.Bench.SideBySide;
using MusicClustering.Client.Errors;
using MusicClustering.Client.Ingest;
using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// <c>cluster bench e2e</c>: a complete experiment on a folder of WAV files (the Python notebook's settings) against N
/// in-process silos or a running cluster, cold and with cached features, with stage timings, the largest grain message
/// and peak RSS; then the Python pipeline on the same folder in the same run, for the ratio. Embedded silos read the
/// folder in place (a library root), as a user with a folder would; <c>--upload</c> copies it into blobs first instead.
/// With <c>--rounds</c> above 1 each round runs in a fresh process (<see cref="E2eRounds"/>) and the median round is printed.
/// </summary>
public static class BenchE2eCommand
{
    public static Command Create()
    {
        var audio = new Option<string?>("--audio") { Description = "Folder of labelled audio (sub-folders or <label>.<n>.wav names)." };
        var generate = new Option<int>("--generate") { Description = "Without --audio: synthesise this many 30 s clips (10 genres) into a temporary folder." };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated clips (a new seed gives audio no cache has seen).", DefaultValueFactory = _ => 42 };
        var silos = new Option<int>("--silos") { Description = "In-process silos to start (embedded mode).", DefaultValueFactory = _ => 1 };
        var perSilo = new Option<int>("--extractions-per-silo") { Description = "Embedded: MFCC jobs per silo (1 = each silo stands for a one-core node).", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--epochs") { Description = "VAE epochs.", DefaultValueFactory = _ => 50 };
        // A fresh dataset per run: ingest merges into an existing dataset, which would mix in an earlier run's tracks.
        var dataset = new Option<string>("--dataset")
        {
            Description = "Dataset name to ingest into (default: a new one per run).",
            DefaultValueFactory = _ => $"bench-e2e-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}",
        };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON to stdout." };
        var reference = ReferenceOption.Create();
        var referenceWorkers = new Option<int>("--reference-workers") { Description = "Processes of the Python pipeline's MFCC stage.", DefaultValueFactory = _ => 2 };
        var rounds = new Option<int>("--rounds")
        {
            Description = "Rounds, each in a fresh process: ours then the Python pipeline; the round with the median ratio is printed, every round is listed.",
            DefaultValueFactory = _ => SideBySideRounds.DefaultRounds,
        };
        var target = new BenchAudioTarget();
        var command = new Command("e2e", "Run a complete experiment, cold and cached, beside the Python pipeline, and report stage timings, message sizes and memory.")
        {
            audio, generate, seed, silos, perSilo, epochs, dataset, json, reference, referenceWorkers, rounds,
        };
        target.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var folder = parseResult.GetValue(audio);
            var clips = parseResult.GetValue(generate);
            var siloCount = parseResult.GetValue(silos);
            var workers = parseResult.GetValue(referenceWorkers);
            var roundCount = parseResult.GetValue(rounds);
            if ((folder is null && clips < 10) || siloCount < 1 || parseResult.GetValue(perSilo) < 1 || parseResult.GetValue(epochs) < 1 || workers < 1 || roundCount < 1)
            {
                throw new UserErrorException("give --audio DIR or --generate N (N ≥ 10); --silos, --extractions-per-silo, --epochs, --reference-workers and --rounds must be at least 1");
            }

            BenchAudioTarget.RequireFolder(folder);
            if (roundCount > 1 && !CliContext.Settings(parseResult).IsEmbedded)
            {
                throw new UserErrorException("--rounds above 1 needs embedded silos: a running cluster's feature cache would serve every round after the first; give --rounds 1");
            }

            var generated = folder is null ? BenchCorpus.Generate(clips, parseResult.GetValue(seed), seconds: 30) : null;
            try
            {
                Action<string> log = line => CliContext.Status.MarkupLine($"[grey]{Markup.Escape(line)}[/]");
                if (roundCount > 1)
                {
                    return await E2eRounds.RunAsync([.. Environment.GetCommandLineArgs().Skip(1)], roundCount, generated, parseResult.GetValue(json), log, cancellationToken);
                }

                var corpus = folder ?? generated!;
                var settings = CliContext.Settings(parseResult);
                var inPlace = target.InPlace(parseResult, settings);
                var harness = ReferenceHarness.Locate(parseResult.GetValue(reference), out var whyNot);
                E2eBenchReport report;
                await using (var cluster = await BenchAudioTarget.StartAsync(settings, siloCount, parseResult.GetValue(perSilo), corpus, cancellationToken))
                {
                    log(PageCacheWarmUp.Warm(corpus, cancellationToken));
                    var runner = new E2eBenchRunner(cluster, log) { InPlace = inPlace };
                    report = await runner.RunAsync(corpus, parseResult.GetValue(dataset)!, parseResult.GetValue(epochs), cancellationToken);
                }

                // After our silos are stopped, so the pipeline has the machine to itself as ours had, and from the same
                // page cache state.
                if (harness is not null)
                {
                    log(PageCacheWarmUp.Warm(corpus, cancellationToken));
                }

                var (timing, stages) = await E2eReference.RunAsync(
                    harness, whyNot, corpus, workers, parseResult.GetValue(epochs), report.OursSeconds, log, cancellationToken);
                report = report with { Timing = timing, ReferenceStages = stages, LoadAverage = LoadAverage.Read() };
                if (parseResult.GetValue(json))
                {
                    Console.WriteLine(ResultsJson.Serialize(report));
                }
                else
                {
                    CliContext.Status.MarkupLine(Markup.Escape(Describe(report)));
                }

                return 0;
            }
            finally
            {
                if (generated is not null)
                {
                    Directory.Delete(generated, recursive: true);
                }
            }
        });
        return command;
    }

    internal static string Describe(E2eBenchReport report)
    {
        static string Stages(E2eStages s) => string.Create(
            CultureInfo.InvariantCulture,
            $"ingest {s.Ingest:F2}, features {s.Features:F2}, train {s.Train:F2}, cluster {s.Cluster:F2}, metrics {s.Metrics:F2}, tsne {s.Tsne:F2}, report {s.Report:F2}, total {s.Total:F2} s");
        return $"{report.Clips} clips on {report.Silos} silo(s), audio {report.Source}\n  cold:   {Stages(report.Stages)}\n  cached: {Stages(report.Cached.Stages)}\n" +
            $"  largest grain message {report.LargestMessageBytes} bytes; peak RSS per silo {string.Join(", ", report.PeakRssBytesPerSilo.Select(b => $"{b / 1e6:F0} MB"))}\n" +
            $"  folder → results (ingest + run): {report.Timing?.Describe() ?? FormattableString.Invariant($"ours {report.OursSeconds:F2} s")}; load average {report.LoadAverage}";
    }
}
