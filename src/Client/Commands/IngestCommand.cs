using System.CommandLine;
using MusicClustering.Client.Errors;
using MusicClustering.Client.Ingest;
using MusicClustering.Client.Output;
using MusicClustering.Storage;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary>
/// <c>cluster ingest FOLDER</c>: uploads audio to blob storage (or, with <c>--in-place</c>, records it where it lies
/// under a library root of the silos) and commits the dataset manifest.
/// </summary>
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
        var inPlace = new Option<bool>("--in-place")
        {
            Description = "Read the audio where it lies instead of uploading it (hashed, never copied). Embedded mode makes the folder a library root of its silo; against a cluster give --library-root.",
        };
        var libraryRoot = new Option<string?>("--library-root")
        {
            Description = "With a cluster: NAME[/PATH], the silos' library root (Storage:LibraryRoots:NAME) that is this folder, or holds it at PATH. Implies --in-place.",
        };
        var command = new Command("ingest", "Upload a folder of audio files as a dataset (or record it in place); again on a grown or changed folder, add its new and changed files.") { folder, dataset, lyrics, json, labels, prune, inPlace, libraryRoot };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var root = parseResult.GetValue(folder)!;
            var name = Names.Dataset(parseResult.GetValue(dataset) ?? DefaultDatasetName(root));
            var rule = LabelRule.Parse(parseResult.GetValue(labels));
            var scan = Scan(root);
            var lyricsPath = LyricsPath(root, parseResult.GetValue(lyrics));
            var target = InPlace(parseResult, root, parseResult.GetValue(inPlace), parseResult.GetValue(libraryRoot));
            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var report = await IngestAsync(session, name, scan, lyricsPath, rule, target, parseResult.GetValue(prune), cancellationToken);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(MusicClustering.Contracts.ResultsJson.Serialize(report));
            }

            IngestOutput.Write(CliContext.Status, report);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Where an in-place ingest records its files: the named root (and path under it), or in embedded mode the folder
    /// itself, registered as a root of the console's own silo; null for an ordinary upload.
    /// </summary>
    private static InPlaceTarget? InPlace(System.CommandLine.ParseResult parseResult, string folder, bool inPlace, string? libraryRoot)
    {
        if (libraryRoot is not null)
        {
            return InPlaceTarget.Parse(libraryRoot);
        }

        if (!inPlace)
        {
            return null;
        }

        var settings = CliContext.Settings(parseResult);
        return settings.IsEmbedded
            ? new InPlaceTarget(Connection.EmbeddedLibraryRoots.Register(settings.DataDirectory, folder), "")
            : throw new UserErrorException(
                "against a cluster, --in-place needs --library-root NAME[/PATH]: the library root the silos are configured with " +
                "(Storage:LibraryRoots:NAME) that is this folder, or holds it at PATH; a silo never reads a path a client sends.");
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
        Connection.ClusterSession session, string dataset, DatasetScan scan, string? lyricsPath, LabelRule labels, InPlaceTarget? inPlace, bool prune,
        CancellationToken cancellationToken)
    {
        try
        {
            return await new DatasetIngestor(session.Store, session.Client) { Labels = labels, InPlace = inPlace, Prune = prune }
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
