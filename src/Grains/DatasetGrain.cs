using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Grains;

/// <summary>Holds the reference to a dataset's committed manifest. The manifest blob is the source of truth.</summary>
public sealed class DatasetGrain(ArtifactStore store) : Grain, IDatasetGrain
{
    private DatasetSummary? _summary;

    public async Task<DatasetSummary> CommitAsync(BlobRef manifest, CancellationToken cancellationToken)
    {
        var document = await store.ReadJsonAsync<DatasetManifest>(manifest.Container, manifest.Name, cancellationToken)
            ?? throw new InvalidOperationException($"Manifest {manifest} is empty.");
        _summary = Summarise(this.GetPrimaryKeyString(), manifest, document);
        return _summary;
    }

    public async Task<DatasetSummary?> GetSummaryAsync(CancellationToken cancellationToken)
    {
        if (_summary is not null)
        {
            return _summary;
        }

        // After a restart the grain has no memory, but the committed manifest is still in storage.
        var name = this.GetPrimaryKeyString();
        var manifest = new BlobRef(BlobContainers.Datasets, BlobNames.Manifest(name));
        if (!await store.ExistsAsync(manifest.Container, manifest.Name, cancellationToken))
        {
            return null;
        }

        return await CommitAsync(manifest, cancellationToken);
    }

    private static DatasetSummary Summarise(string name, BlobRef manifest, DatasetManifest document) =>
        new(name, manifest, document.Tracks.Count, document.Tracks.Count(t => t.Label is not null), document.Lyrics, DateTimeOffset.UtcNow);
}
