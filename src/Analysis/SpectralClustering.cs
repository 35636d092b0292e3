using MusicClustering.Analysis.Neighbors;

namespace MusicClustering.Analysis;

/// <summary>
/// sklearn's SpectralClustering(affinity='nearest_neighbors'): A = ½(C + Cᵀ) for the kNN connectivity C, the
/// normalised Laplacian's smallest eigenvectors (the largest of D^(−½)·A·D^(−½), self-loops ignored as scipy's
/// laplacian does), scaled by D^(−½), then cluster_qr or K-Means. Each connected component is solved on its own,
/// so eigenvalue 1 repeated once per component is found exactly. Memory O(n·(k + n_neighbors)).
/// </summary>
public static class SpectralClustering
{
    public static int[] Fit(double[][] x, SpectralOptions options) => Assign(Embed(x, options, out _), options);

    /// <summary>The n × n_components spectral embedding (sklearn's spectral_embedding with drop_first=False, sign-fixed).</summary>
    public static double[][] Embed(double[][] x, SpectralOptions options, out int components)
    {
        ArgumentNullException.ThrowIfNull(options);
        DataChecks.RequireRectangular(x);
        int n = x.Length;
        int k = options.NComponents ?? options.NClusters;
        if (options.NClusters < 1 || options.NClusters > n || k < 1 || k > n)
        {
            throw new ArgumentException($"n_clusters and n_components must be between 1 and n_samples = {n}.");
        }
        if (options.NNeighbors < 2)
        {
            throw new ArgumentException("n_neighbors must be at least 2 (it counts the point itself).");
        }
        var affinity = Affinity(x, Math.Min(options.NNeighbors, n) - 1, options.Neighbors);
        var sqrtDegree = new double[n];
        for (int i = 0; i < n; i++)
        {
            double degree = affinity.RowSum(i);
            sqrtDegree[i] = degree > 0 ? Math.Sqrt(degree) : 1;
        }
        var normalized = affinity.ScaleSymmetric(sqrtDegree.Select(d => 1 / d).ToArray());
        int[] component = normalized.Components(out components);
        var pairs = new List<(double Value, int Size, double[] Vector)>();
        for (int c = 0; c < components; c++)
        {
            int[] members = Enumerable.Range(0, n).Where(i => component[i] == c).ToArray();
            var (values, vectors) = members.Length == 1
                ? ([0.0], [[1.0]])
                : LanczosEigen.Largest(normalized.Restrict(members), Math.Min(k, members.Length), options.Seed + c);
            for (int e = 0; e < values.Length; e++)
            {
                var full = new double[n];
                for (int p = 0; p < members.Length; p++)
                {
                    full[members[p]] = vectors[e][p];
                }
                pairs.Add((values[e], members.Length, full));
            }
        }
        var chosen = pairs.OrderByDescending(p => p.Value).ThenByDescending(p => p.Size).Take(k).Select(p => p.Vector).ToArray();
        var embedding = new double[n][];
        for (int i = 0; i < n; i++)
        {
            embedding[i] = new double[chosen.Length];
        }
        for (int e = 0; e < chosen.Length; e++)
        {
            // sklearn's _deterministic_vector_sign_flip: the largest |entry| of each vector is positive.
            double sign = Math.Sign(chosen[e].MaxBy(Math.Abs));
            sign = sign == 0 ? 1 : sign;
            for (int i = 0; i < n; i++)
            {
                embedding[i][e] = sign * chosen[e][i] / sqrtDegree[i];
            }
        }
        return embedding;
    }

    /// <summary>Labels from an embedding made by <see cref="Embed"/>, by options.AssignLabels.</summary>
    public static int[] Assign(double[][] embedding, SpectralOptions options) => options.AssignLabels switch
    {
        SpectralOptions.ClusterQr => ClusterQr.Assign(embedding),
        SpectralOptions.KMeans => KMeans.Fit(embedding, new KMeansOptions { NClusters = options.NClusters, NInit = options.NInit, Seed = options.Seed }).Labels,
        _ => throw new ArgumentException($"assign_labels must be '{SpectralOptions.ClusterQr}' or '{SpectralOptions.KMeans}', not '{options.AssignLabels}'."),
    };

    /// <summary>½(C + Cᵀ) without the diagonal: 1 between mutual neighbours, ½ for a one-way neighbour.</summary>
    private static SymmetricSparse Affinity(double[][] x, int neighbors, NeighborIndexOptions? indexOptions)
    {
        int n = x.Length;
        if (neighbors < 1)
        {
            return SymmetricSparse.FromPairs(n, []);
        }
        KnnGraph graph;
        using (var index = NeighborIndex.Build(x, indexOptions))
        {
            graph = index.Graph(neighbors);
        }
        var weights = new Dictionary<long, double>(n * neighbors);
        for (int i = 0; i < n; i++)
        {
            foreach (int j in graph.Indices[i])
            {
                long key = i < j ? (long)i * n + j : (long)j * n + i;
                weights[key] = weights.GetValueOrDefault(key) + 0.5;
            }
        }
        return SymmetricSparse.FromPairs(n, weights.Select(w => ((int)(w.Key / n), (int)(w.Key % n), w.Value)).OrderBy(p => p.Item1).ThenBy(p => p.Item2).ToList());
    }
}
