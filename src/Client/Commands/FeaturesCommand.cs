using System.CommandLine;
using System.Text.Json;
using MusicClustering.Audio;
using MusicClustering.Client.Commands.Features;
using MusicClustering.Client.Errors;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary>
/// <c>cluster features PATH</c>: the features of one local file (or, with <c>--table gtzan --out</c>, of a folder),
/// computed in-process exactly as track grains compute them. How users debug features, how parity with librosa is
/// checked, and how a user rebuilds the GTZAN feature table from their own audio.
/// </summary>
public static class FeaturesCommand
{
    public const string GtzanTableName = "gtzan";

    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "An audio file (WAV, AU, or anything ffmpeg reads); a folder with --table gtzan --out." };
        var padMode = new Option<string>("--pad-mode") { Description = "Centre padding: constant (librosa >= 0.10) or reflect (librosa < 0.10, the GTZAN table).", DefaultValueFactory = _ => "constant" };
        var repeat = new Option<int>("--repeat") { Description = "Time N computations of the first segment after warming up to steady state (the median is printed).", DefaultValueFactory = _ => 1 };
        var descriptors = new Option<bool>("--descriptors") { Description = "Also print every librosa descriptor (means and variances), the tempo and the HPSS statistics." };
        var matrix = new Option<bool>("--matrix") { Description = "With --descriptors: print each descriptor's whole matrix too." };
        var table = new Option<string?>("--table") { Description = "Print the GTZAN table's 57 columns (the only table: gtzan)." };
        var output = new Option<string?>("--out") { Description = "With --table gtzan and a folder: write the table as CSV (filename, length, 57 columns, label)." };
        var segmentSeconds = new Option<double>("--segment-seconds") { Description = "Analyse long files in segments of this length.", DefaultValueFactory = _ => FeatureConfig.DefaultSegmentSeconds };
        var maxSegments = new Option<int?>("--max-segments") { Description = "Analyse at most this many segments from the start (default: all)." };
        var maxSeconds = new Option<double>("--max-seconds") { Description = "Refuse files longer than this (judged from the header before decoding).", DefaultValueFactory = _ => FeatureConfig.DefaultMaxSeconds };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (the only output format)." };
        var command = new Command("features", "Compute the features of one local file (or a folder's GTZAN table) in-process.")
        {
            path, padMode, repeat, descriptors, matrix, table, output, segmentSeconds, maxSegments, maxSeconds, json,
        };
        command.SetAction(parseResult =>
        {
            var target = parseResult.GetValue(path)!;
            var mode = parseResult.GetValue(padMode) switch
            {
                "constant" => (PadMode?)PadMode.Constant,
                "reflect" => PadMode.Reflect,
                _ => null,
            };
            var tableName = parseResult.GetValue(table);
            if (mode is null || (tableName is not null && tableName != GtzanTableName) || parseResult.GetValue(segmentSeconds) <= 0
                || parseResult.GetValue(maxSegments) is <= 0 || parseResult.GetValue(maxSeconds) <= 0)
            {
                throw new UserErrorException("--pad-mode must be constant or reflect, --table gtzan is the only table, and segment/limit values must be positive");
            }

            var options = new MfccOptions { PadMode = mode.Value };
            var config = new FeatureConfig(FeatureKind.Stats, 0, options)
            {
                SegmentSeconds = parseResult.GetValue(segmentSeconds),
                MaxSegments = parseResult.GetValue(maxSegments),
                MaxSeconds = parseResult.GetValue(maxSeconds),
            };
            if (Directory.Exists(target))
            {
                var csv = parseResult.GetValue(output);
                if (tableName is null || csv is null)
                {
                    throw new UserErrorException($"{target} is a folder: use --table gtzan --out table.csv to write its feature table");
                }

                return FolderTable.Write(target, csv, config);
            }

            if (!File.Exists(target))
            {
                throw new UserErrorException($"{target}: no such file or folder");
            }

            try
            {
                var report = SingleFile.Report(target, config, parseResult.GetValue(descriptors) || tableName is not null, parseResult.GetValue(descriptors), parseResult.GetValue(matrix), tableName is not null, Math.Max(1, parseResult.GetValue(repeat)));
                Console.WriteLine(JsonSerializer.Serialize(report, SingleFile.JsonOptions));
                return 0;
            }
            catch (AudioFormatException ex)
            {
                CliContext.Status.MarkupLine($"[red]{Markup.Escape(target)}: {Markup.Escape(ex.Reason)}: {Markup.Escape(ex.Message)}[/]");
                return 1;
            }
        });
        return command;
    }
}
