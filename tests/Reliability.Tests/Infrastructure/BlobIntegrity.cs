using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>Reads back every blob a run wrote and checks it decodes whole: a partial write would fail here.</summary>
internal static class BlobIntegrity
{
    /// <summary>Every feature vector in the store parses as a 1×dimension matrix; returns how many there are.</summary>
    public static async Task<int> AssertFeatureBlobsDecodeAsync(ArtifactStore store, int dimension)
    {
        var count = 0;
        var container = store.ServiceClient.GetBlobContainerClient(BlobContainers.Features);
        await foreach (var blob in container.GetBlobsAsync())
        {
            var matrix = await ReadMatrixAsync(store, BlobContainers.Features, blob.Name);
            Assert.True(matrix.Rows == 1 && matrix.Cols == dimension,
                $"feature blob {blob.Name} is {matrix.Rows}x{matrix.Cols}, expected 1x{dimension}");
            count++;
        }

        return count;
    }

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
