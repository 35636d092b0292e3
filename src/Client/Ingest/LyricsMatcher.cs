using System.Text;
using System.Text.Json.Serialization;
using MusicClustering.Contracts;

namespace MusicClustering.Client.Ingest;

/// <summary>
/// Lines up a lyrics CSV with the ingested tracks. A row's key may be a track's id, its file name (with or without the
/// extension) or its path relative to the folder (with or without the extension), compared after NFC normalisation with
/// '/' or '\' as separators. Rows that match no track, or several, and tracks no row matches, are reported, not dropped
/// silently.
/// </summary>
public static class LyricsMatcher
{
    public sealed record UnmatchedRow(
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("reason")] string Reason);

    public sealed record Result(IReadOnlyDictionary<string, string> LyricsById, IReadOnlyList<UnmatchedRow> Unmatched, IReadOnlyList<string> TracksWithout);

    public static Result Match(IReadOnlyDictionary<string, string> rows, IReadOnlyList<ManifestTrack> tracks)
    {
        var byKey = new Dictionary<string, List<ManifestTrack>>(StringComparer.Ordinal);
        foreach (var track in tracks)
        {
            foreach (var key in KeysOf(track).Distinct(StringComparer.Ordinal))
            {
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = [];
                }

                list.Add(track);
            }
        }

        var lyrics = new Dictionary<string, string>(StringComparer.Ordinal);
        var givenBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var unmatched = new List<UnmatchedRow>();
        foreach (var (key, text) in rows)
        {
            var matches = byKey.GetValueOrDefault(Normalize(key)) ?? [];
            if (matches.Count == 0)
            {
                unmatched.Add(new UnmatchedRow(key, "no track has this id, file name or path"));
            }
            else if (matches.Count > 1)
            {
                unmatched.Add(new UnmatchedRow(key, $"matches {matches.Count} tracks ({string.Join(", ", matches.Take(3).Select(t => t.DisplayName))}); key the row by the track's path"));
            }
            else if (givenBy.TryGetValue(matches[0].Id, out var earlier))
            {
                unmatched.Add(new UnmatchedRow(key, $"the row '{earlier}' already gives the lyrics of {matches[0].DisplayName}"));
            }
            else
            {
                lyrics[matches[0].Id] = text;
                givenBy[matches[0].Id] = key;
            }
        }

        var without = tracks.Where(t => !lyrics.ContainsKey(t.Id)).Select(t => t.DisplayName).ToList();
        return new Result(lyrics, unmatched, without);
    }

    private static IEnumerable<string> KeysOf(ManifestTrack track)
    {
        var path = track.DisplayName;
        yield return track.Id;
        yield return track.File;
        yield return Path.GetFileNameWithoutExtension(track.File);
        yield return path;
        yield return path[..^Path.GetExtension(path).Length];
    }

    private static string Normalize(string key)
    {
        var text = key.Trim().Replace('\\', '/');
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }
}
