using System.Text;
using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Client.Ingest;

/// <summary>Writes the lyrics the ingest matched as the dataset's lyrics CSV, keyed by track id (what experiments read).</summary>
public static class LyricsCsv
{
    public static byte[] Write(IReadOnlyDictionary<string, string> lyricsById)
    {
        var builder = new StringBuilder($"{LyricsTable.TrackColumn},{LyricsTable.LyricsColumn}\n");
        foreach (var (id, text) in lyricsById.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(Quote(id)).Append(',').Append(Quote(text)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static string Quote(string field) => $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
