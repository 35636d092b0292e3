using System.Diagnostics;
using System.Security.Cryptography;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Client.Ingest;

/// <summary>
/// Uploads a folder's audio into content-addressed blobs, writes the manifest and commits it to the dataset grain.
/// Audio goes straight to blob storage; the grain only ever sees the manifest's reference.
/// </summary>
public sealed class DatasetIngestor(ArtifactStore store, IClusterClient client)
{
    public async Task<IngestReport> IngestAsync(
        string dataset, IReadOnlyList<ScannedTrack> tracks, string? lyricsPath, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        BlobNames.Validate(dataset);
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

        BlobRef? lyrics = null;
        if (lyricsPath is not null)
        {
            lyrics = new BlobRef(BlobContainers.Datasets, BlobNames.DatasetFile(dataset, "lyrics.csv"));
            await store.UploadAsync(lyrics.Container, lyrics.Name, BinaryData.FromBytes(await File.ReadAllBytesAsync(lyricsPath, cancellationToken)), overwrite: true, cancellationToken);
        }

        var manifest = new DatasetManifest(dataset, DateTimeOffset.UtcNow, entries, lyrics);
        var manifestBlob = new BlobRef(BlobContainers.Datasets, BlobNames.Manifest(dataset));
        await store.WriteJsonAsync(manifestBlob.Container, manifestBlob.Name, manifest, cancellationToken);
        await client.GetGrain<IDatasetGrain>(dataset).CommitAsync(manifestBlob, cancellationToken);
        return new IngestReport(
            dataset, entries.Length, entries.Count(e => e.Label is not null), uploaded, entries.Length - uploaded, bytes, watch.Elapsed.TotalSeconds);
    }
}
