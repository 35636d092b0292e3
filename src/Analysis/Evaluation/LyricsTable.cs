namespace MusicClustering.Analysis.Evaluation;

/// <summary>
/// Reads a lyrics CSV: a header with columns named <c>track</c> and <c>lyrics</c> (any order, case-insensitive,
/// other columns ignored), then one RFC 4180 record per track. Track ids are trimmed and must be non-empty and unique;
/// empty lyrics are kept as empty strings (the feature builder treats them as missing).
/// </summary>
public static class LyricsTable
{
    public const string TrackColumn = "track";
    public const string LyricsColumn = "lyrics";

    public static IReadOnlyDictionary<string, string> Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    public static IReadOnlyDictionary<string, string> Parse(string csv) => Parse(new StringReader(csv));

    /// <exception cref="FormatException">The header or a record is invalid; the message names the line.</exception>
    public static IReadOnlyDictionary<string, string> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var records = CsvReader.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new FormatException($"Line 1: the lyrics CSV is empty; expected a header with columns '{TrackColumn}' and '{LyricsColumn}'.");
        }
        var (headerLine, header) = records.Current;
        int trackAt = ColumnIndex(header, TrackColumn, headerLine);
        int lyricsAt = ColumnIndex(header, LyricsColumn, headerLine);

        var lyrics = new Dictionary<string, string>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.Count <= Math.Max(trackAt, lyricsAt))
            {
                throw new FormatException($"Line {line}: expected at least {Math.Max(trackAt, lyricsAt) + 1} fields but found {fields.Count}.");
            }
            string track = fields[trackAt].Trim();
            if (track.Length == 0)
            {
                throw new FormatException($"Line {line}: the track id is empty.");
            }
            if (firstSeen.TryGetValue(track, out int previous))
            {
                throw new FormatException($"Line {line}: duplicate track id '{track}' (first on line {previous}).");
            }
            firstSeen[track] = line;
            lyrics[track] = fields[lyricsAt];
        }
        return lyrics;
    }

    private static int ColumnIndex(List<string> header, string name, int line)
    {
        int index = header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new FormatException(
                $"Line {line}: the header lacks a '{name}' column; it needs '{TrackColumn}' and '{LyricsColumn}' (found: {string.Join(", ", header)}).");
        }
        return index;
    }
}
