using MusicClustering.Client.Output;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>Reads a finished experiment's results and the dataset manifest, and checks what every fault row requires.</summary>
internal static class ResultsChecks
{
    public static async Task<ExperimentResults> ReadAsync(ArtifactStore store, ExperimentStatus status)
    {
        Assert.True(status.Stage == ExperimentStage.Done, $"experiment {status.Id} ended {ExperimentWatch.Describe(status)}");
        Assert.NotNull(status.Results);
        var (_, results) = await ResultsReader.ReadAsync(store, status.Results!, CancellationToken.None);
        return results;
    }

    public static async Task<IReadOnlyList<string>> ManifestIdsAsync(ArtifactStore store, string dataset)
    {
        var manifest = await store.ReadJsonAsync<DatasetManifest>(BlobContainers.Datasets, BlobNames.Manifest(dataset));
        return manifest.Tracks.Select(t => t.Id).ToList();
    }

    /// <summary>Each manifest track appears exactly once among the assignments and the failures, and nothing else does.</summary>
    public static void EveryTrackExactlyOnce(ExperimentResults results, IReadOnlyList<string> manifest)
    {
        var seen = results.Clustering.Assignments.Keys.Concat(results.Failed.Select(f => f.Track)).ToList();
        var duplicates = seen.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"tracks reported more than once: {string.Join(", ", duplicates)}");
        var missing = manifest.Except(seen, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} manifest tracks missing from the results: {string.Join(", ", missing.Take(10))}");
        var extra = seen.Except(manifest, StringComparer.Ordinal).ToList();
        Assert.True(extra.Count == 0, $"results name tracks not in the manifest: {string.Join(", ", extra.Take(10))}");
        Assert.True(seen.Count == manifest.Count, $"assignments + failed = {seen.Count}, manifest has {manifest.Count}");
        Assert.True(results.Tracks == manifest.Count, $"results.tracks = {results.Tracks}, manifest has {manifest.Count}");
    }
}
