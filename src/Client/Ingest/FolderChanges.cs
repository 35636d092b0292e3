using MusicClustering.Contracts;

namespace MusicClustering.Client.Ingest;

/// <summary>
/// What an ingest changes in a dataset, by path and content hash: files new to it, files whose content changed, files
/// unchanged, and the dataset's tracks whose files are gone from the folder (kept, or removed with <c>--prune</c>).
/// </summary>
public sealed record FolderChanges(int Added, int Changed, int Unchanged, IReadOnlyList<ManifestTrack> Gone)
{
    public static FolderChanges Between(IReadOnlyList<ManifestTrack> existing, IReadOnlyList<ManifestTrack> ingested)
    {
        var stored = existing.GroupBy(t => t.DisplayName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Sha256, StringComparer.Ordinal);
        var present = ingested.Select(t => t.DisplayName).ToHashSet(StringComparer.Ordinal);
        var added = ingested.Count(t => !stored.ContainsKey(t.DisplayName));
        var unchanged = ingested.Count(t => stored.TryGetValue(t.DisplayName, out var sha) && sha == t.Sha256);
        return new FolderChanges(
            added,
            ingested.Count - added - unchanged,
            unchanged,
            existing.Where(t => !present.Contains(t.DisplayName)).OrderBy(t => t.DisplayName, StringComparer.Ordinal).ToList());
    }
}
