using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>Reads a dataset's lyrics CSV and lines it up with the tracks; null when the dataset has no lyrics.</summary>
internal static class LyricsLoader
{
    public static async Task<IReadOnlyList<string?>?> LoadAsync(
        ArtifactStore store, DatasetManifest manifest, IReadOnlyList<string> trackIds, CancellationToken cancellationToken)
    {
        if (manifest.Lyrics is null)
        {
            return null;
        }

        var csv = await store.DownloadAsync(manifest.Lyrics, cancellationToken);
        var table = LyricsTable.Parse(csv.ToString());
        return trackIds.Select(id => table.TryGetValue(id, out var text) ? text : null).ToList();
    }
}
