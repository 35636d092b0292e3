namespace MusicClustering.Analysis.Neighbors;

/// <summary>
/// k-nearest-neighbour queries over a fixed set of rows (euclidean). Built by <see cref="NeighborIndex.Build"/>:
/// exact brute force for small sets, an HNSW graph (USearch) above <see cref="NeighborIndexOptions.ExactMaxSamples"/>.
/// Safe for concurrent queries; dispose it to free the native index.
/// </summary>
public interface INeighborIndex : IDisposable
{
    int Count { get; }

    int Dimensions { get; }

    /// <summary>True when every answer is the exact k nearest (brute force).</summary>
    bool IsExact { get; }

    /// <summary>The k nearest indexed rows to any vector, nearest first (fewer when the index holds fewer).</summary>
    Neighbor[] Query(ReadOnlySpan<double> vector, int k);

    /// <summary>The k nearest other rows to indexed row <paramref name="index"/>, excluding itself ("similar tracks").</summary>
    Neighbor[] QueryPoint(int index, int k);

    /// <summary>The k nearest other rows of every indexed row (t-SNE affinities, spectral graphs, DBSCAN).</summary>
    KnnGraph Graph(int k);
}
