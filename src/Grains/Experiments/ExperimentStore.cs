using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>Where an experiment's spec and status live in blob storage: <c>experiments/{id}/spec.json</c> and <c>status.json</c>.</summary>
public static class ExperimentStore
{
    public static BlobRef SpecBlob(string id) => new(BlobContainers.Experiments, BlobNames.Experiment(id, "spec.json"));

    public static BlobRef StatusBlob(string id) => new(BlobContainers.Experiments, BlobNames.Experiment(id, "status.json"));

    public static Task WriteSpecAsync(ArtifactStore store, string id, ExperimentSpec spec, CancellationToken cancellationToken) =>
        WriteAsync(store, SpecBlob(id), spec, cancellationToken);

    public static Task WriteStatusAsync(ArtifactStore store, string id, ExperimentStatus status, CancellationToken cancellationToken) =>
        WriteAsync(store, StatusBlob(id), status, cancellationToken);

    public static Task<ExperimentSpec?> ReadSpecAsync(ArtifactStore store, string id, CancellationToken cancellationToken) =>
        ReadAsync<ExperimentSpec>(store, SpecBlob(id), cancellationToken);

    public static Task<ExperimentStatus?> ReadStatusAsync(ArtifactStore store, string id, CancellationToken cancellationToken) =>
        ReadAsync<ExperimentStatus>(store, StatusBlob(id), cancellationToken);

    private static async Task WriteAsync<T>(ArtifactStore store, BlobRef blob, T value, CancellationToken cancellationToken) =>
        await store.UploadAsync(blob.Container, blob.Name, BinaryData.FromString(ResultsJson.Serialize(value)), overwrite: true, cancellationToken);

    private static async Task<T?> ReadAsync<T>(ArtifactStore store, BlobRef blob, CancellationToken cancellationToken)
    {
        var found = await store.TryDownloadAsync(blob.Container, blob.Name, cancellationToken);
        return found is null ? default : ResultsJson.Deserialize<T>(found.Value.Content.ToString());
    }
}
