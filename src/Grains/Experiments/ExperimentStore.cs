using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Where an experiment's spec and status live in blob storage: <c>experiments/{id}/spec.json</c> and <c>status.json</c>.
/// The status blob is also the run's claim (<see cref="BlobClaim"/>), so only its owner writes it.
/// </summary>
public static class ExperimentStore
{
    public static BlobRef SpecBlob(string id) => new(BlobContainers.Experiments, BlobNames.Experiment(id, "spec.json"));

    public static BlobRef StatusBlob(string id) => new(BlobContainers.Experiments, BlobNames.Experiment(id, "status.json"));

    /// <summary>
    /// Records the spec an id runs under, once. Writing the same spec again is a no-op (a repeated submit, or a start
    /// racing another activation); a different spec under an existing id is refused, so a resumed run can never pick
    /// up a spec it was not started with.
    /// </summary>
    public static async Task WriteSpecOnceAsync(ArtifactStore store, string id, ExperimentSpec spec, CancellationToken cancellationToken)
    {
        var blob = SpecBlob(id);
        var json = ResultsJson.Serialize(spec);
        if (await store.UploadIfAbsentAsync(blob.Container, blob.Name, BinaryData.FromString(json), cancellationToken))
        {
            return;
        }

        var existing = await ReadSpecAsync(store, id, cancellationToken);
        if (existing is not null && ResultsJson.Serialize(existing) != json)
        {
            throw new ArgumentException($"Invalid experiment spec: experiment '{id}' already exists with a different spec; choose another id.");
        }
    }

    public static Task<ExperimentSpec?> ReadSpecAsync(ArtifactStore store, string id, CancellationToken cancellationToken) =>
        ReadAsync<ExperimentSpec>(store, SpecBlob(id), cancellationToken);

    public static BinaryData ToContent(ExperimentStatus status) => BinaryData.FromString(ResultsJson.Serialize(status));

    public static ExperimentStatus ParseStatus(BinaryData content) =>
        ResultsJson.Deserialize<ExperimentStatus>(content.ToString())
        ?? throw new InvalidDataException("an experiment status blob holds JSON null");

    private static async Task<T?> ReadAsync<T>(ArtifactStore store, BlobRef blob, CancellationToken cancellationToken)
    {
        var found = await store.TryDownloadAsync(blob.Container, blob.Name, cancellationToken);
        return found is null ? default : ResultsJson.Deserialize<T>(found.Value.Content.ToString());
    }
}
