using System.Globalization;
using System.Text;
using MusicClustering.Audio;
using MusicClustering.Client.Errors;
using MusicClustering.Client.Ingest;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Features;

/// <summary>
/// <c>cluster features DIR --table gtzan --out table.csv</c>: the GTZAN table of every audio file under DIR, with the
/// columns of features_30_sec.csv (<c>filename, length, …57…, label</c>; length in samples at 22050 Hz, label from the
/// file name or folder), readable by <c>cluster evaluate</c>. Files are analysed in parallel; a file that cannot be
/// analysed is reported on one line and left out, and the exit code is 1 when any was.
/// </summary>
internal static class FolderTable
{
    public static int Write(string folder, string csvPath, FeatureConfig config)
    {
        var tracks = DatasetScanner.Scan(folder).Tracks;
        if (tracks.Count == 0)
        {
            throw new UserErrorException($"no audio files in {folder}");
        }

        var rows = new string?[tracks.Count];
        var failures = 0;
        Parallel.For(0, tracks.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var track = tracks[i];
            try
            {
                var features = new FileFeatures { Options = config.Mfcc, WithDescriptors = true, KeepMatrices = false };
                features.Analyse(track.Path, config);
                var values = GtzanTable.Row(features.Summary!).Select(v => v.ToString("R", CultureInfo.InvariantCulture));
                rows[i] = string.Join(',', [Quote(track.FileName), features.Samples.ToString(CultureInfo.InvariantCulture), .. values, Quote(track.Label ?? string.Empty)]);
                if (features.Warning is { } warning)
                {
                    CliContext.Status.MarkupLine($"[yellow]{Markup.Escape(track.FileName)}: {Markup.Escape(warning)}[/]");
                }
            }
            catch (AudioFormatException ex)
            {
                Interlocked.Increment(ref failures);
                CliContext.Status.MarkupLine($"[red]{Markup.Escape(track.FileName)}: {Markup.Escape(ex.Reason)}: {Markup.Escape(ex.Message)}[/]");
            }
        });

        var text = new StringBuilder();
        text.AppendLine(string.Join(',', ["filename", "length", .. GtzanTable.Columns, "label"]));
        foreach (var row in rows.OfType<string>())
        {
            text.AppendLine(row);
        }

        File.WriteAllText(csvPath, text.ToString());
        CliContext.Status.MarkupLine($"[grey]{tracks.Count - failures} of {tracks.Count} files → {Markup.Escape(csvPath)}[/]");
        return failures == 0 ? 0 : 1;
    }

    // RFC 4180: quote fields holding a comma, quote or line break.
    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
