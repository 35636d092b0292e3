using System.Text.Json.Serialization;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// The dataset version an experiment ran on, stored beside its spec (<c>experiments/{id}/identity.json</c>). With the
/// spec it is what an experiment id means: starting an id again with another spec or on another dataset version is
/// refused with one line saying what differs, so stored results are never handed out for a question they don't answer.
/// </summary>
public sealed record ExperimentIdentity(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("dataset_version")] string DatasetVersion,
    [property: JsonPropertyName("dataset_tracks")] int DatasetTracks)
{
    private const string Advice = "choose another --id, or leave --id out to start a new experiment";

    public static BlobRef Blob(string id) => new(BlobContainers.Experiments, BlobNames.Experiment(id, "identity.json"));

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
            var blob = Blob(id);
            await store.UploadIfAbsentAsync(blob.Container, blob.Name, ArtifactStore.ToJsonContent(current), cancellationToken);
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
        var blob = Blob(id);
        var found = await store.TryReadJsonAsync<ExperimentIdentity>(blob.Container, blob.Name, cancellationToken);
        return found?.Value;
    }
}
