using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Experiments.Library;

/// <summary>Writes and reads an experiment's library index and space: the one place both sides meet.</summary>
public static class LibraryStore
{
    public static async Task WriteAsync(ArtifactStore store, ExperimentBlobs blobs, LibraryIndex index, double[][] space, CancellationToken cancellationToken)
    {
        var cols = space[0].Length;
        var data = new float[space.Length * cols];
        for (var i = 0; i < space.Length; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                data[(i * cols) + j] = (float)space[i][j];
            }
        }

        await store.WriteMatrixAsync(blobs.Space, data, space.Length, cols, cancellationToken);
        await store.UploadAsync(blobs.Library, BinaryData.FromString(ResultsJson.Serialize(index)), overwrite: true, cancellationToken);
    }

    /// <summary>The index and space, or null for an experiment that has none (run before library indexes existed).</summary>
    public static async Task<(LibraryIndex Index, double[][] Space)?> ReadAsync(ArtifactStore store, ExperimentBlobs blobs, CancellationToken cancellationToken)
    {
        if (await ReadIndexAsync(store, blobs, cancellationToken) is not { } index)
        {
            return null;
        }

        var matrix = await store.ReadMatrixAsync(blobs.Space, cancellationToken);
        return (index, FeatureSpace.FromRowMajor(matrix.Data, matrix.Rows, matrix.Cols));
    }

    /// <summary>The index alone (scaler, projection, clusters), without the space; null as for <see cref="ReadAsync"/>.</summary>
    public static async Task<LibraryIndex?> ReadIndexAsync(ArtifactStore store, ExperimentBlobs blobs, CancellationToken cancellationToken) =>
        await store.TryDownloadAsync(blobs.Library, cancellationToken) is { } content
            ? ResultsJson.Deserialize<LibraryIndex>(content.Content.ToString()) ?? throw new InvalidOperationException($"{blobs.Library} is empty.")
            : null;

    /// <summary>The stored model of the index's projection (a VAE or patch model), or null for a space that has none.</summary>
    public static async Task<byte[]?> ReadModelAsync(ArtifactStore store, LibraryIndex index, CancellationToken cancellationToken) =>
        index.Projection.ModelBlob is { } blob ? (await store.DownloadAsync(BlobRef.Parse(blob), cancellationToken)).ToArray() : null;
}
