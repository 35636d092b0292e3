using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// The earlier experiment a run updates (<c>--update-from</c>): its cluster of each track, read from its results.json.
/// It must have finished, on the same dataset; anything else is refused before work starts.
/// </summary>
internal static class UpdatedRun
{
    public static async Task<IReadOnlyDictionary<string, int>> ClustersAsync(ArtifactStore store, ExperimentSpec spec, CancellationToken cancellationToken)
    {
        var from = spec.UpdateFrom ?? throw new InvalidOperationException("the spec updates no experiment");
        BlobPathValidator.ValidateSegment(from, "update_from");
        var results = await store.TryReadJsonAsync<ExperimentResults>(new ExperimentBlobs(from).Results, cancellationToken);
        if (results?.Value is not { } previous)
        {
            throw new ArgumentException(
                $"--update-from '{from}': that experiment has no results (it does not exist or has not finished); give the id of a finished experiment on dataset '{spec.Dataset}'");
        }

        if (previous.Dataset != spec.Dataset)
        {
            throw new ArgumentException(
                $"--update-from '{from}' clustered dataset '{previous.Dataset}', not '{spec.Dataset}'; an update keeps the cluster ids of a run on the same dataset");
        }

        return previous.Clustering.Assignments;
    }
}
