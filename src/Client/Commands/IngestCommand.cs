using System.CommandLine;
using MusicClustering.Client.Errors;
using MusicClustering.Client.Ingest;
using MusicClustering.Client.Output;
using MusicClustering.Storage;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary><c>cluster ingest FOLDER</c>: uploads audio to blob storage and commits the dataset manifest.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Folder of audio files (labels from sub-folders or <label>.<n>.wav names)." };
        var dataset = new Option<string?>("--dataset") { Description = "Dataset name (default: the folder's name)." };
        var lyrics = new Option<string?>("--lyrics") { Description = "Lyrics CSV (track,lyrics), keyed by track id, file name or relative path. Default: lyrics.csv in the folder, if present." };
        var json = new Option<bool>("--json") { Description = "Print the ingest report as JSON." };
        var labels = new Option<string?>("--labels") { Description = "Where labels (only used to score) come from: folder, prefix (<label>.<n>.wav), tag:genre or none. Default: a sub-folder, else the name prefix." };
        var prune = new Option<bool>("--prune") { Description = "Remove from the dataset the tracks whose files are gone from the folder (by default they are kept and counted as missing)." };
        var command = new Command("ingest", "Upload a folder of audio files as a dataset; again on a grown or changed folder, add its new and changed files.") { folder, dataset, lyrics, json, labels, prune };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var root = parseResult.GetValue(folder)!;
            var name = Names.Dataset(parseResult.GetValue(dataset) ?? DefaultDatasetName(root));
            var rule = LabelRule.Parse(parseResult.GetValue(labels));
            var scan = Scan(root);
            var lyricsPath = LyricsPath(root, parseResult.GetValue(lyrics));
            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var report = await IngestAsync(session, name, scan, lyricsPath, rule, parseResult.GetValue(prune), cancellationToken);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(MusicClustering.Contracts.ResultsJson.Serialize(report));
            }

            IngestOutput.Write(CliContext.Status, report);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The folder's audio; a folder without any is a user error that lists what was found instead.</summary>
    public static DatasetScan Scan(string root)
    {
        var scan = DatasetScanner.Scan(root);
        if (scan.Tracks.Count == 0)
        {
            var found = scan.Skipped.Count == 0 ? "it is empty" : $"skipped {scan.Skipped.Count} files, e.g. {scan.Skipped[0].Path}: {scan.Skipped[0].Reason}";
            throw new UserErrorException($"no audio files in {root} ({found}); give a folder of WAV, AU or other audio files ffmpeg reads.");
        }

        return scan;
    }

    /// <summary>The given lyrics CSV (which must exist), else lyrics.csv in the folder when there is one.</summary>
    public static string? LyricsPath(string root, string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? given : throw new UserErrorException($"lyrics file '{given}' does not exist; give a CSV with columns track,lyrics, or leave --lyrics out.");
        }

        var candidate = Path.Combine(root, "lyrics.csv");
        return File.Exists(candidate) ? candidate : null;
    }

    public static async Task<IngestReport> IngestAsync(
        Connection.ClusterSession session, string dataset, DatasetScan scan, string? lyricsPath, LabelRule labels, bool prune, CancellationToken cancellationToken)
    {
        try
        {
            return await new DatasetIngestor(session.Store, session.Client) { Labels = labels, Prune = prune }
                .IngestAsync(dataset, scan, lyricsPath, null, cancellationToken);
        }
        catch (FormatException ex)
        {
            throw new UserErrorException($"{lyricsPath ?? "lyrics"}: {ex.Message.TrimEnd('.')}; nothing was ingested.", ex);
        }
    }

    public static string DefaultDatasetName(string folder) =>
        ReadableSegments.From(new DirectoryInfo(Path.GetFullPath(folder)).Name);
}
