using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>A dataset as committed now: its summary, its manifest and the manifest's <see cref="DatasetVersion"/>.</summary>
public sealed record CurrentDataset(DatasetSummary Summary, DatasetManifest Manifest, string Version)
{
    /// <summary>The committed dataset, or null when nothing was ingested under <paramref name="dataset"/>.</summary>
    public static async Task<CurrentDataset?> ReadAsync(IGrainFactory grains, ArtifactStore store, string dataset, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IDatasetGrain>(dataset).GetSummaryAsync(cancellationToken) is not { } summary)
        {
            return null;
        }

        var manifest = await store.ReadJsonAsync<DatasetManifest>(summary.Manifest, cancellationToken);
        return new CurrentDataset(summary, manifest, DatasetVersion.Of(manifest));
    }

    /// <summary>The one line for a dataset that does not exist.</summary>
    public static ArgumentException Missing(string dataset) =>
        new($"dataset '{dataset}' does not exist; ingest it first: cluster ingest FOLDER --dataset {dataset}");
}
