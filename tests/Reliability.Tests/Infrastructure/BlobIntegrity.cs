using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>Reads back every blob a run wrote and checks it decodes whole: a partial write would fail here.</summary>
internal static class BlobIntegrity
{
    /// <summary>
    /// Every track's coverage JSON parses and holds a vector of <paramref name="dimension"/> (or a 1×dimension vector
    /// blob stands beside it), and every segment shard parses as rows×dimension; returns how many track vectors there are.
    /// </summary>
    public static async Task<int> AssertFeatureBlobsDecodeAsync(ArtifactStore store, int dimension)
    {
        var count = 0;
        var container = store.ServiceClient.GetBlobContainerClient(BlobContainers.Features);
        await foreach (var blob in container.GetBlobsAsync())
        {
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
