using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary><c>cluster experiments</c>: every experiment in storage, read from its status and identity blobs.</summary>
public static class ExperimentCatalog
{
    private const string StatusFile = "/" + ExperimentBlobs.StatusFile;
    private const int ReadsInFlight = 16;

    public sealed record Entry(
        string Id,
        string Name,
        string? Dataset,
        string? DatasetVersion,
        string Stage,
        string Message,
        string? Error,
        DateTimeOffset UpdatedAt);

    /// <summary>Every experiment, the most recently updated first.</summary>
    public static async Task<IReadOnlyList<Entry>> ListAsync(ArtifactStore store, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var name in store.ListAsync(BlobContainers.Experiments, "", cancellationToken))
        {
            if (name.EndsWith(StatusFile, StringComparison.Ordinal) && name.IndexOf('/') == name.Length - StatusFile.Length)
            {
                ids.Add(name[..^StatusFile.Length]);
            }
        }

        var entries = new Entry[ids.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ReadsInFlight, CancellationToken = cancellationToken },
            async (i, ct) => entries[i] = await ReadAsync(store, ids[i], ct));
        return entries.OrderByDescending(e => e.UpdatedAt).ToList();
    }

    private static async Task<Entry> ReadAsync(ArtifactStore store, string id, CancellationToken cancellationToken)
    {
        var status = ExperimentStatusCodec.Instance.Decode(await store.DownloadAsync(new ExperimentBlobs(id).Status, cancellationToken));
        var identity = await ExperimentIdentity.ReadAsync(store, id, cancellationToken);
        var dataset = identity?.Dataset ?? (await ExperimentStore.ReadSpecAsync(store, id, cancellationToken))?.Dataset;
        return new Entry(
            id, status.Name, dataset, identity?.DatasetVersion, status.Stage.ToString().ToLowerInvariant(), status.Message, status.Error, status.UpdatedAt);
    }
}
