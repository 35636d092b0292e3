using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using MusicClustering.Audio;
using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary>
/// <c>cluster features FILE</c>: the MFCC of one local file, computed in-process. How users debug features and how
/// parity with librosa is checked.
/// </summary>
public static class FeaturesCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "An audio file (WAV, AU, or anything ffmpeg reads)." };
        var padMode = new Option<string>("--pad-mode") { Description = "Centre padding: constant (librosa >= 0.10) or reflect.", DefaultValueFactory = _ => "constant" };
        var repeat = new Option<int>("--repeat") { Description = "Time N MFCC computations of the decoded signal (after one warm-up).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (the only output format)." };
        var command = new Command("features", "Compute the MFCC of one local file and print it as JSON.") { file, padMode, repeat, json };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            var mode = parseResult.GetValue(padMode) switch
            {
                "constant" => PadMode.Constant,
                "reflect" => PadMode.Reflect,
                var other => throw new ArgumentException($"--pad-mode must be constant or reflect, not '{other}'."),
            };
            var repeats = Math.Max(1, parseResult.GetValue(repeat));
            try
            {
                var options = new MfccOptions { PadMode = mode };
                var signal = AudioLoader.LoadMono(File.ReadAllBytes(path), Path.GetFileName(path), options.SampleRate);
                var extractor = new MfccExtractor(options);
                var mfcc = extractor.Compute(signal);
                var times = new double[repeats];
                for (var i = 0; i < repeats; i++)
                {
                    var watch = Stopwatch.StartNew();
                    mfcc = extractor.Compute(signal);
                    times[i] = watch.Elapsed.TotalMilliseconds;
                }

                Array.Sort(times);
                var report = new FeaturesReport(
                    options.SampleRate,
                    mfcc.Coefficients,
                    mfcc.Frames,
                    Enumerable.Range(0, mfcc.Coefficients).Select(c => mfcc.Row(c).ToArray()).ToArray(),
                    mfcc.Means(),
                    mfcc.StdDevs(),
                    new FeaturesTiming(times[repeats / 2], repeats));
                Console.WriteLine(JsonSerializer.Serialize(report, ResultsJson.Compact));
                return 0;
            }
            catch (AudioFormatException ex)
            {
                CliContext.Status.MarkupLine($"[red]{Markup.Escape(path)}: {Markup.Escape(ex.Reason)}: {Markup.Escape(ex.Message)}[/]");
                return 1;
            }
        });
        return command;
    }

    private sealed record FeaturesReport(
        [property: JsonPropertyName("sampleRate")] int SampleRate,
        [property: JsonPropertyName("nMfcc")] int NMfcc,
        int Frames,
        float[][] Mfcc,
        double[] Mean,
        double[] Std,
        FeaturesTiming Timing);

    private sealed record FeaturesTiming(
        double MedianMs,
        int Repeats);
}
