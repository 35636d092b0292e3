using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>Reads back every blob a run wrote and checks it decodes whole: a partial write would fail here.</summary>
internal static class BlobIntegrity
{
    /// <summary>
    /// Every track's coverage (in its shard's coverage JSON, or a JSON of its own) parses and holds a vector of <paramref name="dimension"/> (or a 1×dimension vector
    /// blob stands beside it), and every segment shard parses as rows×dimension; returns how many track vectors there are.
    /// </summary>
    public static async Task<int> AssertFeatureBlobsDecodeAsync(ArtifactStore store, int dimension)
    {
        var count = 0;
        var inShards = new HashSet<string>(StringComparer.Ordinal);
        var container = store.ServiceClient.GetBlobContainerClient(BlobContainers.Features);
        await foreach (var blob in container.GetBlobsAsync())
        {
            if (blob.Name.EndsWith(".coverage.json", StringComparison.Ordinal))
            {
                var shard = await store.TryReadJsonAsync<StoredShardCoverage>(BlobContainers.Features, blob.Name, CancellationToken.None);
                Assert.True(shard is not null, $"shard coverage {blob.Name} vanished while it was read");
                foreach (var track in shard.Value.Value.Tracks)
                {
                    Assert.True(track.Coverage.Vector?.Length == dimension, $"shard coverage {blob.Name} holds a {track.Coverage.Vector?.Length}-d vector for {track.Sha256}, expected {dimension}");
                    // A batch retried after a write that did land lists its tracks in a second shard: count audio once.
                    count += inShards.Add(track.Sha256) ? 1 : 0;
                }

                continue;
            }

            if (blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                var coverage = await store.TryReadJsonAsync<StoredCoverage>(BlobContainers.Features, blob.Name, CancellationToken.None);
                Assert.True(coverage is not null, $"coverage {blob.Name} vanished while it was read");
                if (coverage.Value.Value.Vector is { } vector)
                {
                    Assert.True(vector.Length == dimension, $"coverage {blob.Name} holds a {vector.Length}-d vector, expected {dimension}");
                    count++;
                }

                continue;
            }

            if (!blob.Name.EndsWith(".f32", StringComparison.Ordinal))
            {
                continue;
            }

            var matrix = await ReadMatrixAsync(store, BlobContainers.Features, blob.Name);
            var segments = blob.Name.EndsWith(".segments.f32", StringComparison.Ordinal);
            Assert.True((segments ? matrix.Rows >= 1 : matrix.Rows == 1) && matrix.Cols == dimension,
                $"feature blob {blob.Name} is {matrix.Rows}x{matrix.Cols}, expected {(segments ? "segments" : "1")}x{dimension}");
            count += segments ? 0 : 1;
        }

        return count;
    }

    /// <summary>The part of a track's coverage JSON these checks read.</summary>
    private sealed record StoredCoverage(float[]? Vector);

    /// <summary>The part of a shard's coverage JSON these checks read.</summary>
    private sealed record StoredShardCoverage(IReadOnlyList<StoredShardTrack> Tracks);

    private sealed record StoredShardTrack(string Sha256, StoredCoverage Coverage);

    public static async Task<(float[] Data, int Rows, int Cols)> ReadMatrixAsync(ArtifactStore store, string container, string name)
    {
        try
        {
            return await store.ReadMatrixAsync(container, name, CancellationToken.None);
        }
        catch (InvalidDataException ex)
        {
            throw new Xunit.Sdk.XunitException($"{container}/{name} is not a complete matrix blob: {ex.Message}");
        }
    }
}
