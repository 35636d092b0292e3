namespace MusicClustering.Analysis;

/// <summary>How well a low-dimensional embedding keeps local neighbourhoods.</summary>
public static class EmbeddingMetrics
{
    /// <summary>
    /// sklearn.manifold.trustworthiness (euclidean): penalises embedded neighbours that were far in the original space,
    /// 1 − 2/(n·k·(2n − 3k − 1)) · Σ max(0, rank − k). Computed row by row so memory stays O(n).
    /// </summary>
    public static double Trustworthiness(double[][] original, double[][] embedded, int nNeighbors = 10)
    {
        int cols = DataChecks.RequireRectangular(original, nameof(original));
        DataChecks.RequireRectangular(embedded, nameof(embedded));
        int n = original.Length;
        DataChecks.RequireSameLength(n, embedded.Length, nameof(embedded));
        if (nNeighbors < 1 || nNeighbors >= n / 2.0)
        {
            throw new ArgumentOutOfRangeException(nameof(nNeighbors), nNeighbors, "Must be at least 1 and below n_samples / 2.");
        }
        int[][] embeddedNeighbors = NearestNeighbors.Search(embedded, nNeighbors).Indices;
        double[] flat = DataChecks.Flatten(original, cols);
        double penalty = 0;
        var distances = new double[n];
        var order = new int[n];
        var rank = new int[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                distances[j] = j == i ? double.PositiveInfinity : Distances.SquaredEuclidean(flat, i, flat, j, cols);
                order[j] = j;
            }
            Array.Sort(distances, order);
            for (int r = 0; r < n; r++)
            {
                rank[order[r]] = r + 1;
            }
            foreach (int j in embeddedNeighbors[i])
            {
                penalty += Math.Max(0, rank[j] - nNeighbors);
            }
        }
        return 1.0 - penalty * (2.0 / (n * (double)nNeighbors * (2.0 * n - 3.0 * nNeighbors - 1.0)));
    }
}
