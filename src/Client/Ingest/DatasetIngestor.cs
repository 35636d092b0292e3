using System.Diagnostics;
using System.Security.Cryptography;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Client.Ingest;

/// <summary>
/// Uploads a folder's audio into content-addressed blobs, writes the manifest and commits it to the dataset grain.
/// Audio goes straight to blob storage; the grain only ever sees the manifest's reference. Concurrent ingests into
/// one dataset merge through ETag conditions instead of overwriting each other.
/// </summary>
public sealed class DatasetIngestor(ArtifactStore store, IClusterClient client)
{
    private const int MaxCommitAttempts = 20;

    public async Task<IngestReport> IngestAsync(
        string dataset, IReadOnlyList<ScannedTrack> tracks, string? lyricsPath, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        BlobNames.Validate(dataset);
        // A bad lyrics file is rejected before anything is uploaded.
        var lyrics = lyricsPath is null ? null : await File.ReadAllBytesAsync(lyricsPath, cancellationToken);
        var lyricsIds = lyrics is null ? null : LyricsTable.Parse(new StreamReader(new MemoryStream(lyrics))).Keys.ToHashSet();
        var watch = Stopwatch.StartNew();
        var entries = new ManifestTrack[tracks.Count];
        var uploaded = 0;
        long bytes = 0;
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, tracks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var track = tracks[i];
                var content = await File.ReadAllBytesAsync(track.Path, ct);
                var sha = Convert.ToHexStringLower(SHA256.HashData(content));
                var extension = Path.GetExtension(track.FileName).TrimStart('.').ToLowerInvariant();
                var audio = new BlobRef(BlobContainers.Audio, BlobNames.Audio(sha, extension));
                if (await store.UploadIfAbsentAsync(audio.Container, audio.Name, BinaryData.FromBytes(content), ct))
                {
                    Interlocked.Increment(ref uploaded);
                }

                Interlocked.Add(ref bytes, content.Length);
                entries[i] = new ManifestTrack(track.TrackId, track.FileName, sha, audio, content.Length, track.Label);
                progress?.Report(Interlocked.Increment(ref done));
            });

        BlobRef? lyricsBlob = null;
        if (lyrics is not null)
        {
            lyricsBlob = new BlobRef(BlobContainers.Datasets, BlobNames.DatasetFile(dataset, "lyrics.csv"));
            await store.UploadAsync(lyricsBlob.Container, lyricsBlob.Name, BinaryData.FromBytes(lyrics), overwrite: true, cancellationToken);
        }

        var manifest = await CommitManifestAsync(dataset, entries, lyricsBlob, cancellationToken);
        await client.GetGrain<IDatasetGrain>(dataset).CommitAsync(new BlobRef(BlobContainers.Datasets, BlobNames.Manifest(dataset)), cancellationToken);
        return new IngestReport(
            dataset,
            entries.Length,
            entries.Count(e => e.Label is not null),
            uploaded,
            entries.Length - uploaded,
            bytes,
            watch.Elapsed.TotalSeconds)
        {
            DatasetTracks = manifest.Tracks.Count,
            LyricsMatched = lyricsIds is null ? null : entries.Count(e => lyricsIds.Contains(e.Id)),
        };
    }

    /// <summary>
    /// Read, merge, write-if-unchanged: the manifest keeps every track of earlier ingests (this ingest's entries win
    /// for the same id), and an ingest that lost a race re-reads and merges again rather than overwriting.
    /// </summary>
    private async Task<DatasetManifest> CommitManifestAsync(string dataset, ManifestTrack[] entries, BlobRef? lyrics, CancellationToken cancellationToken)
    {
        var blob = new BlobRef(BlobContainers.Datasets, BlobNames.Manifest(dataset));
        for (var attempt = 0; attempt < MaxCommitAttempts; attempt++)
        {
            var existing = await store.TryReadJsonAsync<DatasetManifest>(blob.Container, blob.Name, cancellationToken);
            var merged = Merge(dataset, existing?.Value, entries, lyrics);
            var content = ArtifactStore.ToJsonContent(merged);
            var committed = existing is { } current
                ? await store.TryUploadIfMatchAsync(blob.Container, blob.Name, content, current.ETag, cancellationToken)
                : await store.UploadIfAbsentAsync(blob.Container, blob.Name, content, cancellationToken);
            if (committed)
            {
                return merged;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20 * (attempt + 1)), cancellationToken);
        }

        throw new InvalidOperationException($"The manifest of dataset '{dataset}' kept changing under concurrent ingests; try again.");
    }

    public static DatasetManifest Merge(string dataset, DatasetManifest? existing, IReadOnlyList<ManifestTrack> entries, BlobRef? lyrics)
    {
        var incoming = entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var tracks = (existing?.Tracks ?? []).Where(t => !incoming.Contains(t.Id)).Concat(entries)
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        return new DatasetManifest(dataset, DateTimeOffset.UtcNow, tracks, lyrics ?? existing?.Lyrics);
    }
}
