namespace MusicClustering.Analysis;

/// <summary>
/// Spectral clustering settings with sklearn's names: affinity is always 'nearest_neighbors' (a kNN graph, which
/// stays sparse at any n), n_neighbors counts the point itself as sklearn's kneighbors_graph(include_self=True) does.
/// </summary>
public sealed record SpectralOptions
{
    public const string ClusterQr = "cluster_qr";
    public const string KMeans = "kmeans";

    public required int NClusters { get; init; }

    /// <summary>Eigenvectors used; null = n_clusters.</summary>
    public int? NComponents { get; init; }

    public int NNeighbors { get; init; } = 10;

    /// <summary>'cluster_qr' (deterministic, the default here) or 'kmeans' (sklearn's default).</summary>
    public string AssignLabels { get; init; } = ClusterQr;

    /// <summary>K-Means restarts when <see cref="AssignLabels"/> is 'kmeans'.</summary>
    public int NInit { get; init; } = 10;

    /// <summary>random_state: the eigensolver's start vector and the K-Means seeding.</summary>
    public int Seed { get; init; }

    public Neighbors.NeighborIndexOptions? Neighbors { get; init; }
}
