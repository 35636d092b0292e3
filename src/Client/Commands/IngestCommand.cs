using System.CommandLine;
using MusicClustering.Client.Ingest;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary><c>cluster ingest FOLDER</c>: uploads audio to blob storage and commits the dataset manifest.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Folder of audio files (labels from sub-folders or <label>.<n>.wav names)." };
        var dataset = new Option<string?>("--dataset") { Description = "Dataset name (default: the folder's name)." };
        var lyrics = new Option<string?>("--lyrics") { Description = "Lyrics CSV (track,lyrics). Default: lyrics.csv in the folder, if present." };
        var json = new Option<bool>("--json") { Description = "Print the ingest report as JSON." };
        var command = new Command("ingest", "Upload a folder of audio files as a dataset.") { folder, dataset, lyrics, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var root = parseResult.GetValue(folder)!;
            var name = parseResult.GetValue(dataset) ?? DefaultDatasetName(root);
            var lyricsPath = parseResult.GetValue(lyrics) ?? DefaultLyrics(root);
            var tracks = DatasetScanner.Scan(root);
            if (tracks.Count == 0)
            {
                CliContext.Status.MarkupLine($"[red]no audio files in {Markup.Escape(root)}[/]");
                return 2;
            }

            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var ingestor = new DatasetIngestor(session.Store, session.Client);
            IngestReport report;
            try
            {
                report = await ingestor.IngestAsync(name, tracks, lyricsPath, null, cancellationToken);
            }
            catch (FormatException ex)
            {
                CliContext.Status.MarkupLine($"[red]{Markup.Escape(lyricsPath ?? "lyrics")}: {Markup.Escape(ex.Message)}[/]; nothing was ingested");
                return 2;
            }

            if (parseResult.GetValue(json))
            {
                Console.WriteLine(MusicClustering.Contracts.ResultsJson.Serialize(report));
            }
            else
            {
                CliContext.Status.MarkupLine(
                    $"[green]ingested[/] dataset [bold]{Markup.Escape(report.Dataset)}[/]: {report.Tracks} tracks ({report.Labelled} labelled), " +
                    $"{report.Uploaded} uploaded, {report.AlreadyStored} already stored, {report.Bytes / 1e6:F1} MB in {report.Seconds:F1} s ({report.MegabytesPerSecond:F0} MB/s); " +
                    $"the dataset now has {report.DatasetTracks} tracks" +
                    (report.LyricsMatched is { } matched ? $"; lyrics for {matched} of {report.Tracks}" : ""));
            }

            return 0;
        });
        return command;
    }

    public static string DefaultDatasetName(string folder) =>
        MusicClustering.Storage.BlobNames.SafeSegment(new DirectoryInfo(Path.GetFullPath(folder)).Name);

    private static string? DefaultLyrics(string folder)
    {
        var candidate = Path.Combine(folder, "lyrics.csv");
        return File.Exists(candidate) ? candidate : null;
    }
}
