using System.Diagnostics;
using System.Security.Cryptography;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Client.Ingest;

/// <summary>
/// Uploads a folder's audio into content-addressed blobs (or, with <see cref="InPlace"/>, only hashes it and records
/// where it lies under the silos' library roots) and hands the ingest to the dataset grain. Audio goes straight to blob storage; the dataset grain, the manifest's single writer, merges this ingest's batch
/// (by reference: a batch is too big for a message), so concurrent ingests into one dataset never overwrite each other.
/// </summary>
public sealed class DatasetIngestor(ArtifactStore store, IClusterClient client)
{
    /// <summary>Where labels come from (<c>--labels</c>); by default a sub-folder, else a GTZAN-style name.</summary>
    public LabelRule Labels { get; init; } = LabelRule.Default;

    /// <summary>Remove the dataset's tracks whose files are gone from the folder (<c>--prune</c>); otherwise they stay.</summary>
    public bool Prune { get; init; }

    /// <summary>
    /// Record the files in place under a library root instead of uploading them (<c>--in-place</c>): they are still
    /// hashed (the hash keys the feature cache), but no audio blob is written.
    /// </summary>
    public InPlaceTarget? InPlace { get; init; }

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
        // Read only to keep new ids clear of those already in the dataset; the dataset grain writes the manifest.
        var existing = (await store.TryReadJsonAsync<DatasetManifest>(manifestBlob, cancellationToken))?.Value;
        var watch = Stopwatch.StartNew();
        var inPlace = InPlace is { } target ? tracks.Select(t => target.For(t.RelativePath)).ToArray() : null;
        var uploads = new (string Sha, BlobRef? Audio, long Bytes)[tracks.Count];
        var tags = new TrackTags?[tracks.Count];
        var uploaded = 0;
        long bytes = 0;
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, tracks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var track = tracks[i];
                string sha;
                long length;
                BlobRef? audio = null;
                if (inPlace is null)
                {
                    var content = await File.ReadAllBytesAsync(track.Path, ct);
                    (sha, length) = (Convert.ToHexStringLower(SHA256.HashData(content)), content.Length);
                    audio = new BlobRef(BlobContainers.Audio, BlobNames.Audio(sha, BlobExtension(track.FileName)));
                    if (await store.UploadIfAbsentAsync(audio, BinaryData.FromBytes(content), ct))
                    {
                        Interlocked.Increment(ref uploaded);
                    }
                }
                else
                {
                    // In place only the hash is needed: stream the file instead of holding it.
                    (sha, length) = await FileHash.ComputeAsync(track.Path, ct);
                }

                Interlocked.Add(ref bytes, length);
                uploads[i] = (sha, audio, length);
                tags[i] = TagReader.Read(track.Path);
                progress?.Report(Interlocked.Increment(ref done));
            });

        var ids = TrackIds.Assign(
            tracks.Select((t, i) => new TrackIds.Candidate(t.TrackId, t.RelativePath, uploads[i].Sha)).ToList(),
            (existing?.Tracks ?? []).ToDictionary(t => t.Id, t => t.DisplayName, StringComparer.Ordinal));
        var entries = tracks
            .Select((t, i) => new ManifestTrack(ids[i], t.FileName, uploads[i].Sha, uploads[i].Audio, uploads[i].Bytes, Labels.For(t, tags[i]), t.RelativePath, tags[i], inPlace?[i]))
            .ToArray();

        BlobRef? lyricsBlob = null;
        LyricsMatcher.Result? lyrics = null;
        if (lyricsRows is not null)
        {
            lyrics = LyricsMatcher.Match(lyricsRows, entries);
            var csv = LyricsCsv.Write(lyrics.LyricsById);
            // Named by content, so the manifest (and so the dataset version) changes whenever the lyrics do.
            lyricsBlob = new BlobRef(BlobContainers.Datasets, BlobNames.DatasetFile(dataset, $"lyrics-{Convert.ToHexStringLower(SHA256.HashData(csv))[..12]}.csv"));
            await store.UploadAsync(lyricsBlob, BinaryData.FromBytes(csv), overwrite: true, cancellationToken);
        }

        var changes = FolderChanges.Between(existing?.Tracks ?? [], entries);
        var pruned = Prune ? changes.Gone.Select(t => t.Id).ToList() : null;

        // The dataset grain is the manifest's only writer; the batch is too big for a message, so it goes by reference.
        var batch = new BlobRef(BlobContainers.Datasets, BlobNames.DatasetFile(dataset, $"batches/{Guid.NewGuid():N}.json"));
        await store.WriteJsonAsync(batch, new DatasetBatch(entries, lyricsBlob, pruned), cancellationToken);
        var summary = await client.GetGrain<IDatasetGrain>(dataset).IngestAsync(batch, cancellationToken);
        return new IngestReport(
            dataset,
            entries.Length,
            entries.Count(e => e.Label is not null),
            uploaded,
            inPlace is null ? entries.Length - uploaded : 0,
            bytes,
            watch.Elapsed.TotalSeconds)
        {
            Labels = Labels.Name,
            Added = changes.Added,
            Changed = changes.Changed,
            Unchanged = changes.Unchanged,
            Missing = Prune ? 0 : changes.Gone.Count,
            Pruned = Prune ? changes.Gone.Count : 0,
            Gone = changes.Gone.Select(t => t.DisplayName).ToList(),
            InPlace = inPlace?.Length ?? 0,
            DatasetTracks = summary.Tracks,
            DatasetVersion = summary.Version,
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
}
