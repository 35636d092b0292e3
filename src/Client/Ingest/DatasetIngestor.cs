using System.Diagnostics;
using System.Security.Cryptography;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Client.Ingest;

/// <summary>
/// Uploads a folder's audio into content-addressed blobs and hands the ingest to the dataset grain.
/// Audio goes straight to blob storage; the dataset grain, the manifest's single writer, merges this ingest's batch
/// (by reference: a batch is too big for a message), so concurrent ingests into one dataset never overwrite each other.
/// </summary>
public sealed class DatasetIngestor(ArtifactStore store, IClusterClient client)
{
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
                if (await store.UploadIfAbsentAsync(audio, BinaryData.FromBytes(content), ct))
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
            await store.UploadAsync(lyricsBlob, BinaryData.FromBytes(lyrics), overwrite: true, cancellationToken);
        }

        // The dataset grain is the manifest's only writer; the batch is too big for a message, so it goes by reference.
        var batch = new BlobRef(BlobContainers.Datasets, BlobNames.DatasetFile(dataset, $"batches/{Guid.NewGuid():N}.json"));
        await store.WriteJsonAsync(batch, new DatasetBatch(entries, lyricsBlob), cancellationToken);
        var summary = await client.GetGrain<IDatasetGrain>(dataset).IngestAsync(batch, cancellationToken);
        return new IngestReport(
            dataset,
            entries.Length,
            entries.Count(e => e.Label is not null),
            uploaded,
            entries.Length - uploaded,
            bytes,
            watch.Elapsed.TotalSeconds)
        {
            DatasetTracks = summary.Tracks,
            LyricsMatched = lyricsIds is null ? null : entries.Count(e => lyricsIds.Contains(e.Id)),
        };
    }
}
