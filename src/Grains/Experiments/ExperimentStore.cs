using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>The spec an experiment id runs under, in <see cref="ExperimentBlobs.Spec"/>.</summary>
public static class ExperimentStore
{
    /// <summary>
    /// Records the spec an id runs under, once. Writing the same spec again is a no-op (a repeated submit, or a start
    /// racing another activation); a different spec under an existing id is refused, so a resumed run can never pick
    /// up a spec it was not started with.
    /// </summary>
    public static async Task WriteSpecOnceAsync(ArtifactStore store, string id, ExperimentSpec spec, CancellationToken cancellationToken)
    {
        var json = ResultsJson.Serialize(spec);
        if (await store.UploadIfAbsentAsync(new ExperimentBlobs(id).Spec, BinaryData.FromString(json), cancellationToken))
        {
            return;
        }

        var existing = await ReadSpecAsync(store, id, cancellationToken);
        if (existing is not null && ResultsJson.Serialize(existing) != json)
        {
            throw new ArgumentException($"Invalid experiment spec: experiment '{id}' already exists with a different spec; choose another id.");
        }
    }

    public static async Task<ExperimentSpec?> ReadSpecAsync(ArtifactStore store, string id, CancellationToken cancellationToken) =>
        await store.TryDownloadAsync(new ExperimentBlobs(id).Spec, cancellationToken) is { } found
            ? ResultsJson.Deserialize<ExperimentSpec>(found.Content.ToString())
            : null;
}
