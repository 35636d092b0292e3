namespace MusicClustering.Analysis;

/// <summary>
/// Hierarchical clustering like sklearn's AgglomerativeClustering without connectivity: scipy nn_chain for
/// ward/average/complete (O(n²) condensed matrix), Prim's MST for single linkage.
/// </summary>
public sealed class AgglomerativeClustering
{
    public AgglomerativeClustering(Linkage linkage = Linkage.Ward)
    {
        Linkage = linkage;
    }

    public Linkage Linkage { get; }

    public static int[] Fit(double[][] x, int nClusters, Linkage linkage) => new AgglomerativeClustering(linkage).Fit(x, nClusters);

    /// <summary>Labels 0..nClusters-1, numbered by first appearance.</summary>
    public int[] Fit(double[][] x, int nClusters)
    {
        DataChecks.RequireRectangular(x);
        if (nClusters < 1 || nClusters > x.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(nClusters), nClusters, $"Must be between 1 and {x.Length}.");
        }
        return Cut(Tree(x), x.Length, nClusters);
    }

    /// <summary>All n-1 merges sorted by distance (stable, like scipy), each naming one point of either side.</summary>
    public Merge[] Tree(double[][] x)
    {
        DataChecks.RequireRectangular(x);
        if (x.Length < 2)
        {
            return [];
        }
        Merge[] merges = Linkage == Linkage.Single ? PrimSingleLinkage.Build(x) : NearestNeighborChain.Build(x, Linkage);
        // OrderBy is a stable sort, matching numpy's mergesort on the distances.
        return merges.OrderBy(m => m.Distance).ToArray();
    }

    /// <summary>Applying the first n - k merges equals sklearn's _hc_cut, which undoes the last k - 1.</summary>
    public static int[] Cut(Merge[] sortedMerges, int n, int nClusters)
    {
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }
        for (int m = 0; m < n - nClusters; m++)
        {
            parent[Find(sortedMerges[m].A)] = Find(sortedMerges[m].B);
        }
        var ids = new Dictionary<int, int>();
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int root = Find(i);
            if (!ids.TryGetValue(root, out int id))
            {
                id = ids.Count;
                ids[root] = id;
            }
            labels[i] = id;
        }
        return labels;
    }
}
