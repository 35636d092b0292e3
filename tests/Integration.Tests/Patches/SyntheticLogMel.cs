using System.Security.Cryptography;
using System.Text;
using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Patches;

/// <summary>Random 128-band log-mel spectrograms stored as a patch model's training set, under unique audio hashes.</summary>
internal static class SyntheticLogMel
{
    public static LogMelSpectrogram[] Generate(int seed, params int[] frames)
    {
        var random = new Random(seed);
        return [.. frames.Select(n => new LogMelSpectrogram(
            TrackLogMel.Bands, n, [.. Enumerable.Range(0, TrackLogMel.Bands * n).Select(_ => (float)(-80 + (80 * random.NextDouble())))]))];
    }

    public static async Task<BlobRef> StoreAsync(ArtifactStore store, string name, IReadOnlyList<LogMelSpectrogram> spectrograms)
    {
        var tracks = new List<PatchTrack>();
        for (var i = 0; i < spectrograms.Count; i++)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}/{i}")));
            tracks.Add(await LogMelBlobs.WriteAsync(store, sha, spectrograms[i], CancellationToken.None));
        }

        var manifest = new BlobRef(BlobContainers.Experiments, $"{name}/patches.json");
        await store.WriteJsonAsync(manifest, new PatchManifest(TrackLogMel.Bands, tracks), CancellationToken.None);
        return manifest;
    }
}
