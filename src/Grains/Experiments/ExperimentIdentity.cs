using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// The dataset version an experiment ran on, stored beside its spec (<c>experiments/{id}/identity.json</c>). With the
/// spec it is what an experiment id means: starting an id again with another spec or on another dataset version is
/// refused with one line saying what differs, so stored results are never handed out for a question they don't answer.
/// </summary>
public sealed record ExperimentIdentity(
    string Dataset,
    string DatasetVersion,
    int DatasetTracks)
{
    private const string Advice = "choose another --id, or leave --id out to start a new experiment";

    public static ExperimentIdentity Of(CurrentDataset dataset) =>
        new(dataset.Summary.Name, dataset.Version, dataset.Manifest.Tracks.Count);

    /// <summary>Records the spec and dataset version of a new id, or checks that a known id means the same; throws otherwise.</summary>
    public static async Task RecordOrMatchAsync(ArtifactStore store, string id, ExperimentSpec spec, CurrentDataset dataset, CancellationToken cancellationToken)
    {
        var current = Of(dataset);
        if (await ExperimentStore.ReadSpecAsync(store, id, cancellationToken) is not { } storedSpec)
        {
            // A start racing this one with another spec is refused here; the same spec is a no-op.
            await ExperimentStore.WriteSpecOnceAsync(store, id, spec, cancellationToken);
            await store.UploadIfAbsentAsync(new ExperimentBlobs(id).Identity, ArtifactStore.ToJsonContent(current), cancellationToken);
            storedSpec = spec;
        }

        var differences = SpecDifferences.Between(storedSpec, spec);
        if (differences.Count > 0)
        {
            throw new ArgumentException($"experiment '{id}' already ran with a different spec ({string.Join("; ", differences)}); {Advice}");
        }

        var stored = await ReadAsync(store, id, cancellationToken);
        if (stored is null)
        {
            throw new ArgumentException(
                $"experiment '{id}' was recorded without the version of dataset '{spec.Dataset}' it ran on, so its results cannot be matched to the dataset as it is now; {Advice}");
        }

        if (stored.DatasetVersion != current.DatasetVersion)
        {
            throw new ArgumentException(
                $"experiment '{id}' ran on another version of dataset '{spec.Dataset}' ({stored.DatasetTracks} tracks, version {stored.DatasetVersion}; "
                + $"now {current.DatasetTracks} tracks, version {current.DatasetVersion}); {Advice}");
        }
    }

    public static async Task<ExperimentIdentity?> ReadAsync(ArtifactStore store, string id, CancellationToken cancellationToken)
    {
        var found = await store.TryReadJsonAsync<ExperimentIdentity>(new ExperimentBlobs(id).Identity, cancellationToken);
        return found?.Value;
    }
}
