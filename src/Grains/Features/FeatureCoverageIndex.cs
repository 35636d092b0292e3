using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Features;

/// <summary>
/// The feature cache as the blob store holds it: per shard, one JSON blob with the coverage of every track whose rows
/// the shard holds (<see cref="BlobNames.FeatureShardCoverage"/>), and, from caches written before shards carried
/// them, one coverage JSON per track (<see cref="BlobNames.FeatureCoverage"/>). <see cref="ListAsync"/> reads a
/// config's whole cache in a listing plus one read per shard, instead of one read per track.
/// </summary>
public static class FeatureCoverageIndex
{
    private const int ParallelReads = 8;

    /// <summary>One track's entry in a shard's coverage blob.</summary>
    public sealed record Track(string Sha256, FeatureCoverage Coverage);

    private sealed record Shard(IReadOnlyList<Track> Tracks);

    public static Task WriteAsync(ArtifactStore store, BlobRef shard, IReadOnlyList<Track> tracks, CancellationToken cancellationToken) =>
        store.WriteJsonAsync(shard.Container, BlobNames.FeatureShardCoverage(shard.Name), new Shard(tracks), cancellationToken);

    /// <summary>
    /// The audio cached under <paramref name="featureConfigKey"/>: coverage from the shards' blobs, and the audio of
    /// per-track coverage blobs (whose coverage the track grain reads itself).
    /// </summary>
    public static async Task<CachedFeatures> ListAsync(ArtifactStore store, string featureConfigKey, CancellationToken cancellationToken)
    {
        var perTrack = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var shards = new List<string>();
        await foreach (var name in store.ListAsync(BlobContainers.Features, BlobNames.FeaturePrefix(featureConfigKey), cancellationToken))
        {
            if (BlobNames.IsFeatureShardCoverage(featureConfigKey, name))
            {
                shards.Add(name);
            }
            else if (BlobNames.AudioOfFeatureCoverage(featureConfigKey, name) is { } sha)
            {
                perTrack.Add(sha);
            }
        }

        var listed = new Dictionary<string, FeatureCoverage>(StringComparer.OrdinalIgnoreCase);
        await Parallel.ForEachAsync(
            shards,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (name, ct) =>
            {
                // Removed since it was listed (by hand): its tracks are simply not cached.
                if (await store.TryReadJsonAsync<Shard>(BlobContainers.Features, name, ct) is not { Value: var shard })
                {
                    return;
                }

                lock (listed)
                {
                    foreach (var track in shard.Tracks)
                    {
                        listed.TryAdd(track.Sha256, track.Coverage);
                    }
                }
            });

        return new CachedFeatures(listed, perTrack);
    }
}

/// <summary>A feature config's cache, as <see cref="FeatureCoverageIndex.ListAsync"/> found it.</summary>
public sealed class CachedFeatures(IReadOnlyDictionary<string, FeatureCoverage> listed, IReadOnlySet<string> perTrack)
{
    /// <summary>Whether the cache holds this audio at all; if not, the track grain need not probe.</summary>
    public bool Contains(string audioSha256) => listed.ContainsKey(audioSha256) || perTrack.Contains(audioSha256);

    /// <summary>The audio's coverage when a shard's coverage blob holds it, else null (absent, or in a per-track blob).</summary>
    public FeatureCoverage? Coverage(string audioSha256) => listed.GetValueOrDefault(audioSha256);
}
