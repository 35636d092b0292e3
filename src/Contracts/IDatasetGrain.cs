namespace MusicClustering.Contracts;

/// <summary>
/// One dataset, keyed by name, and the single writer of its manifest. The manifest and the batches merged into it
/// stay in blob storage; messages carry their references only.
/// </summary>
[Alias("mc.IDatasetGrain")]
public interface IDatasetGrain : IGrainWithStringKey
{
    /// <summary>
    /// Merges a batch of tracks (a <see cref="DatasetBatch"/> blob the client wrote) into the manifest: its tracks
    /// replace those with the same id. Concurrent ingests are merged one after the other.
    /// </summary>
    [Alias("Ingest")]
    Task<DatasetSummary> IngestAsync(BlobRef batch, CancellationToken cancellationToken = default);

    /// <summary>The committed dataset, or null when nothing was ingested under this name.</summary>
    [Alias("GetSummary")]
    Task<DatasetSummary?> GetSummaryAsync(CancellationToken cancellationToken = default);
}
