using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Client.Output;

/// <summary>Copies an experiment's artifacts (results.json, report.html, pictures) from blob storage into a folder.</summary>
public static class ArtifactDownloader
{
    public static async Task<IReadOnlyList<string>> DownloadAsync(ArtifactStore store, BlobRef results, string folder, CancellationToken cancellationToken)
    {
        var (_, parsed) = await ResultsReader.ReadAsync(store, results, cancellationToken);
        Directory.CreateDirectory(folder);
        var prefix = results.Name[..(results.Name.LastIndexOf('/') + 1)];
        var written = new List<string>();
        foreach (var artifact in parsed.Artifacts)
        {
            // Artifact names come from storage: never let one escape the target folder.
            var safe = Path.GetFileName(artifact);
            if (safe.Length == 0 || safe != artifact)
            {
                continue;
            }

            await store.DownloadToFileAsync(results.Container, prefix + safe, Path.Combine(folder, safe), cancellationToken);
            written.Add(safe);
        }

        return written;
    }
}
