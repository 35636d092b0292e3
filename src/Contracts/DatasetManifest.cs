using System.Text.Json.Serialization;

namespace MusicClustering.Contracts;

/// <summary>
/// The list of a dataset's tracks, stored as JSON in blob storage. It is never sent in a grain message:
/// a 1000-track manifest is far larger than a message should be.
/// </summary>
public sealed record DatasetManifest(string Dataset, DateTimeOffset CreatedAt, IReadOnlyList<ManifestTrack> Tracks, BlobRef? Lyrics)
{
    /// <summary>
    /// This manifest with the batch's tracks added, in id order, and the tracks it prunes removed. A track ingested again
    /// (same id, or same path under a new id) replaces its earlier entry.
    /// </summary>
    public static DatasetManifest Merge(string dataset, DatasetManifest? existing, DatasetBatch batch)
    {
        var incoming = batch.Tracks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var paths = batch.Tracks.Select(t => t.DisplayName).ToHashSet(StringComparer.Ordinal);
        var pruned = (batch.Prune ?? []).ToHashSet(StringComparer.Ordinal);
        var tracks = (existing?.Tracks ?? [])
            .Where(t => !incoming.Contains(t.Id) && !paths.Contains(t.DisplayName) && !pruned.Contains(t.Id))
            .Concat(batch.Tracks)
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        return new DatasetManifest(dataset, DateTimeOffset.UtcNow, tracks, batch.Lyrics ?? existing?.Lyrics);
    }
}

/// <summary>
/// One track: its id within the dataset, where its audio lives (a content-addressed blob, or a file read in place under
/// a library root, <see cref="InPlace"/>; the content hash is the feature cache's key either way), its optional label
/// and the path it was ingested from, relative to the ingested folder (what people call the track; null in manifests
/// written before paths), and the file's own tags when it has any.
/// </summary>
public sealed record ManifestTrack(
    string Id, string File, string Sha256, BlobRef? Audio, long Bytes, string? Label, string? Path = null, TrackTags? Tags = null, LibraryFile? InPlace = null)
{
    /// <summary>How to name the track to a person: its original relative path.</summary>
    [JsonIgnore]
    public string DisplayName => Path ?? File;
}

/// <summary>
/// The tracks (and lyrics) of one ingest, written by the client for the dataset grain to merge, and the ids of the
/// tracks to remove (<c>ingest --prune</c>: files gone from the folder).
/// </summary>
public sealed record DatasetBatch(IReadOnlyList<ManifestTrack> Tracks, BlobRef? Lyrics, IReadOnlyList<string>? Prune = null);
