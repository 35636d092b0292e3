using System.Diagnostics;
using System.Security.Cryptography;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Grains.Experiments;
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

    /// <summary>Ingests a scanned folder; the report lists the files the scan skipped beside what was ingested.</summary>
    public async Task<IngestReport> IngestAsync(
        string dataset, DatasetScan scan, string? lyricsPath, IProgress<int>? progress, CancellationToken cancellationToken) =>
        await IngestAsync(dataset, scan.Tracks, lyricsPath, progress, cancellationToken) with { Skipped = scan.Skipped };

    public async Task<IngestReport> IngestAsync(
        string dataset, IReadOnlyList<ScannedTrack> tracks, string? lyricsPath, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        BlobNames.Validate(dataset);
        // A bad lyrics file is rejected before anything is uploaded.
        var lyricsRows = lyricsPath is null ? null : LyricsTable.Parse(new StringReader(await File.ReadAllTextAsync(lyricsPath, cancellationToken)));
        var manifestBlob = new BlobRef(BlobContainers.Datasets, BlobNames.Manifest(dataset));
        var existing = (await store.TryReadJsonAsync<DatasetManifest>(manifestBlob.Container, manifestBlob.Name, cancellationToken))?.Value;
        var watch = Stopwatch.StartNew();
        var uploads = new (string Sha, BlobRef Audio, long Bytes)[tracks.Count];
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
                var audio = new BlobRef(BlobContainers.Audio, BlobNames.Audio(sha, BlobExtension(track.FileName)));
                if (await store.UploadIfAbsentAsync(audio.Container, audio.Name, BinaryData.FromBytes(content), ct))
                {
                    Interlocked.Increment(ref uploaded);
                }

                Interlocked.Add(ref bytes, content.Length);
                uploads[i] = (sha, audio, content.Length);
                progress?.Report(Interlocked.Increment(ref done));
            });

        var ids = TrackIds.Assign(
            tracks.Select((t, i) => new TrackIds.Candidate(t.TrackId, t.RelativePath, uploads[i].Sha)).ToList(),
            (existing?.Tracks ?? []).ToDictionary(t => t.Id, t => t.DisplayName, StringComparer.Ordinal));
        var entries = tracks
            .Select((t, i) => new ManifestTrack(ids[i], t.FileName, uploads[i].Sha, uploads[i].Audio, uploads[i].Bytes, t.Label, t.RelativePath))
            .ToArray();

        BlobRef? lyricsBlob = null;
        LyricsMatcher.Result? lyrics = null;
        if (lyricsRows is not null)
        {
            lyrics = LyricsMatcher.Match(lyricsRows, entries);
            var csv = LyricsCsv.Write(lyrics.LyricsById);
            // Named by content, so the manifest (and so the dataset version) changes whenever the lyrics do.
            lyricsBlob = new BlobRef(BlobContainers.Datasets, BlobNames.DatasetFile(dataset, $"lyrics-{Convert.ToHexStringLower(SHA256.HashData(csv))[..12]}.csv"));
            await store.UploadAsync(lyricsBlob.Container, lyricsBlob.Name, BinaryData.FromBytes(csv), overwrite: true, cancellationToken);
        }

        var manifest = await CommitManifestAsync(dataset, entries, lyricsBlob, cancellationToken);
        await client.GetGrain<IDatasetGrain>(dataset).CommitAsync(manifestBlob, cancellationToken);
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
            DatasetVersion = DatasetVersion.Of(manifest),
            LyricsMatched = lyrics?.LyricsById.Count,
            LyricsUnmatched = lyrics?.Unmatched ?? [],
            TracksWithoutLyrics = lyrics?.TracksWithout ?? [],
            Ids = entries.Select(e => new IngestReport.IdAssignment(e.DisplayName, e.Id)).ToList(),
            Disambiguated = entries.Where((e, i) => e.Id != tracks[i].TrackId).Select(e => new IngestReport.IdAssignment(e.DisplayName, e.Id)).ToList(),
        };
    }

    /// <summary>The audio blob's extension: the file's, when blob naming allows it; the decoder reads the file name, not this.</summary>
    private static string BlobExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        return extension.Length is > 0 and <= 10 && extension.All(char.IsAsciiLetterOrDigit) ? extension : "bin";
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
        // A track ingested again (same id, or same path under a new id) replaces its earlier entry.
        var incoming = entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var paths = entries.Select(e => e.DisplayName).ToHashSet(StringComparer.Ordinal);
        var tracks = (existing?.Tracks ?? []).Where(t => !incoming.Contains(t.Id) && !paths.Contains(t.DisplayName)).Concat(entries)
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        return new DatasetManifest(dataset, DateTimeOffset.UtcNow, tracks, lyrics ?? existing?.Lyrics);
    }
}
