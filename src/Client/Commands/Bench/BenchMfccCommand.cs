using System.CommandLine;
using System.Globalization;
using MusicClustering.Audio;
using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Bench;

/// <summary><c>cluster bench mfcc</c>: MFCC time per 30 s clip on one core, by stage, against librosa's reference.</summary>
public static class BenchMfccCommand
{
    public static Command Create()
    {
        var repeats = new Option<int>("--repeats") { Description = "Timed runs (the median is reported).", DefaultValueFactory = _ => 30 };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON to stdout." };
        var command = new Command("mfcc", "Time MFCC extraction of a 30 s clip and compare with librosa.") { repeats, json };
        command.SetAction(parseResult =>
        {
            var count = parseResult.GetValue(repeats);
            if (count < 1)
            {
                CliContext.Status.MarkupLine("[red]--repeats must be at least 1[/]");
                return 2;
            }

            var report = Run(count);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(ResultsJson.Serialize(report));
            }
            else
            {
                CliContext.Status.MarkupLine(Markup.Escape(string.Create(
                    CultureInfo.InvariantCulture,
                    $"MFCC of a 30 s clip ({report.Frames} frames, {report.SimdLanes} SIMD lanes): {report.MsPerClip:F2} ms " +
                    $"(FFT {report.FftMs:F2}, mel {report.MelMs:F2}, log {report.LogMs:F2}, DCT {report.DctMs:F2}); " +
                    $"librosa {report.LibrosaReferenceMs} ms (×{report.SpeedupVsLibrosa:F1} faster)")));
            }

            return 0;
        });
        return command;
    }

    public static MfccBenchReport Run(int repeats)
    {
        var result = MfccBenchmark.Run(repeats);
        return new MfccBenchReport(
            result.MedianMsPerClip, result.FftMs, result.MelMs, result.LogMs, result.DctMs, result.Repeats, result.Frames, result.SimdLanes,
            MfccBenchReport.LibrosaMs, MfccBenchReport.LibrosaMs / result.MedianMsPerClip);
    }
}
