using MusicClustering.Client.Ingest;
using Spectre.Console;

namespace MusicClustering.Client.Output;

/// <summary>An ingest report for people: the summary line, then every skipped file, unmatched lyric row and track without lyrics.</summary>
public static class IngestOutput
{
    private const int MaxListed = 20;

    public static void Write(IAnsiConsole console, IngestReport report)
    {
        console.MarkupLine(
            $"[green]ingested[/] dataset [bold]{Markup.Escape(report.Dataset)}[/]: {report.Tracks} tracks ({report.Labelled} labelled, by {Markup.Escape(report.Labels)}), " +
            (report.InPlace > 0 ? $"{report.InPlace} read in place (not uploaded), " : $"{report.Uploaded} uploaded, {report.AlreadyStored} already stored, ") +
            $"{report.Bytes / 1e6:F1} MB in {report.Seconds:F1} s ({report.MegabytesPerSecond:F0} MB/s); " +
            $"the dataset now has {report.DatasetTracks} tracks (version {report.DatasetVersion})" +
            (report.LyricsMatched is { } matched ? $"; lyrics for {matched} of {report.Tracks}" : ""));
        console.MarkupLine(
            $"  {report.Added} added, {report.Changed} changed, {report.Unchanged} unchanged; " +
            (report.Pruned > 0 ? $"{report.Pruned} pruned (gone from the folder)" : $"{report.Missing} missing from the folder" + (report.Missing > 0 ? " (kept; --prune removes them)" : "")));
        List(console, report.Pruned > 0 ? "pruned" : "missing from the folder", report.Gone);
        List(console, "skipped", report.Skipped.Select(s => $"{s.Path}: {s.Reason}").ToList());
        List(console, "ids made unique with a content hash", report.Disambiguated.Select(d => $"{d.Path} -> {d.Id}").ToList());
        List(console, "lyric rows matching no track", report.LyricsUnmatched.Select(u => $"{u.Key}: {u.Reason}").ToList());
        List(console, "tracks without lyrics", report.TracksWithoutLyrics);
    }

    private static void List(IAnsiConsole console, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        console.MarkupLine($"[yellow]{Markup.Escape(title)}[/] ({lines.Count}):");
        foreach (var line in lines.Take(MaxListed))
        {
            console.MarkupLine($"  {Markup.Escape(line)}");
        }

        if (lines.Count > MaxListed)
        {
            console.MarkupLine($"  [grey]... and {lines.Count - MaxListed} more (--json lists them all)[/]");
        }
    }
}
