namespace MusicClustering.Contracts;

/// <summary>
/// The list of a dataset's tracks, stored as JSON in blob storage. It is never sent in a grain message:
/// a 1000-track manifest is far larger than a message should be.
/// </summary>
public sealed record DatasetManifest(string Dataset, DateTimeOffset CreatedAt, IReadOnlyList<ManifestTrack> Tracks, BlobRef? Lyrics)
{
    /// <summary>This manifest with the batch's tracks added (replacing any with the same id), in id order.</summary>
    public static DatasetManifest Merge(string dataset, DatasetManifest? existing, DatasetBatch batch)
    {
        var incoming = batch.Tracks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var tracks = (existing?.Tracks ?? []).Where(t => !incoming.Contains(t.Id)).Concat(batch.Tracks)
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        return new DatasetManifest(dataset, DateTimeOffset.UtcNow, tracks, batch.Lyrics ?? existing?.Lyrics);
    }
}

/// <summary>One track: its id within the dataset, its content-addressed audio blob and its optional label.</summary>
public sealed record ManifestTrack(string Id, string File, string Sha256, BlobRef Audio, long Bytes, string? Label);

/// <summary>The tracks (and lyrics) of one ingest, written by the client for the dataset grain to merge.</summary>
public sealed record DatasetBatch(IReadOnlyList<ManifestTrack> Tracks, BlobRef? Lyrics);
