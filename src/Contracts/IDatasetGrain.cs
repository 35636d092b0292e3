namespace MusicClustering.Contracts;

/// <summary>One dataset, keyed by name. The manifest itself stays in blob storage; the grain holds its reference.</summary>
[Alias("mc.IDatasetGrain")]
public interface IDatasetGrain : IGrainWithStringKey
{
    /// <summary>Records a manifest blob the client has already written as the dataset's current version.</summary>
    [Alias("Commit")]
    Task<DatasetSummary> CommitAsync(BlobRef manifest, CancellationToken cancellationToken = default);

    /// <summary>The committed dataset, or null when nothing was ingested under this name.</summary>
    [Alias("GetSummary")]
    Task<DatasetSummary?> GetSummaryAsync(CancellationToken cancellationToken = default);
}
