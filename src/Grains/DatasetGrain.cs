using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Grains;

/// <summary>
/// A dataset's manifest and its single writer: ingests hand in batches, merged one at a time (grain calls do not
/// interleave). Writes are still conditional on the manifest's ETag, so even a duplicate activation after a silo
/// crash cannot lose another's tracks.
/// </summary>
public sealed class DatasetGrain(ArtifactStore store) : Grain, IDatasetGrain
{
    private const int MaxWriteAttempts = 5;
    private DatasetSummary? _summary;

    private string Name => this.GetPrimaryKeyString();

    private BlobRef ManifestBlob => new(BlobContainers.Datasets, BlobNames.Manifest(Name));

    public async Task<DatasetSummary> IngestAsync(BlobRef batch, CancellationToken cancellationToken)
    {
        var incoming = await store.ReadJsonAsync<DatasetBatch>(batch, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await store.TryReadJsonAsync<DatasetManifest>(ManifestBlob, cancellationToken);
            var merged = DatasetManifest.Merge(Name, existing?.Value, incoming);
            var content = ArtifactStore.ToJsonContent(merged);
            var written = existing is { } current
                ? await store.TryReplaceAsync(ManifestBlob, content, current.ETag, cancellationToken)
                : await store.TryCreateAsync(ManifestBlob, content, cancellationToken);
            if (written is not null)
            {
                await store.DeleteIfExistsAsync(batch, cancellationToken);
                return _summary = Summarise(merged);
            }

            if (attempt == MaxWriteAttempts)
            {
                throw new InvalidOperationException($"The manifest of dataset '{Name}' kept changing under another writer; try again.");
            }
        }
    }

    public async Task<DatasetSummary?> GetSummaryAsync(CancellationToken cancellationToken)
    {
        // After a restart the grain has no memory, but the manifest is still in storage.
        if (_summary is null && await store.TryReadJsonAsync<DatasetManifest>(ManifestBlob, cancellationToken) is { } stored)
        {
            _summary = Summarise(stored.Value);
        }

        return _summary;
    }

    private DatasetSummary Summarise(DatasetManifest manifest) =>
        new(Name, ManifestBlob, manifest.Tracks.Count, manifest.Tracks.Count(t => t.Label is not null), manifest.Lyrics, DateTimeOffset.UtcNow, DatasetVersion.Of(manifest));
}
