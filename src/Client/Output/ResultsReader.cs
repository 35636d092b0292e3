using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Client.Output;

public static class ResultsReader
{
    public static async Task<(string Json, ExperimentResults Results)> ReadAsync(ArtifactStore store, BlobRef blob, CancellationToken cancellationToken)
    {
        var content = await store.DownloadAsync(blob.Container, blob.Name, cancellationToken);
        var json = content.ToString();
        var results = ResultsJson.Deserialize<ExperimentResults>(json)
            ?? throw new InvalidOperationException($"{blob} is empty.");
        return (json, results);
    }
}
