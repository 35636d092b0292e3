using MusicClustering.Analysis.Neighbors;

namespace MusicClustering.Analysis;

/// <summary>How well a low-dimensional embedding keeps local neighbourhoods.</summary>
public static class EmbeddingMetrics
{
    /// <summary>
    /// sklearn.manifold.trustworthiness (euclidean): penalises embedded neighbours that were far in the original space,
    /// 1 − 2/(n·k·(2n − 3k − 1)) · Σ max(0, rank − k). Row by row, so memory stays O(n); O(n²·(d + 2)) time.
    /// <see cref="Sampling.SampledMetrics.Trustworthiness"/> bounds the time at large n.
    /// </summary>
    public static double Trustworthiness(double[][] original, double[][] embedded, int nNeighbors = 10)
    {
        int n = original?.Length ?? 0;
        double[] penalties = TrustworthinessPenalties(original!, embedded, nNeighbors, Enumerable.Range(0, n).ToArray());
        return 1.0 - penalties.Sum() * (2.0 / (n * (double)nNeighbors * (2.0 * n - 3.0 * nNeighbors - 1.0)));
    }

    /// <summary>
    /// Σ_j max(0, rank(i, j) − k) over the k embedded neighbours j of each row i in <paramref name="rows"/>, where
    /// rank(i, j) = 1 + the number of points nearer to i than j in the original space (both searches over all n points).
    /// </summary>
    internal static double[] TrustworthinessPenalties(double[][] original, double[][] embedded, int nNeighbors, int[] rows)
    {
        int cols = DataChecks.RequireRectangular(original, nameof(original));
        int embeddedCols = DataChecks.RequireRectangular(embedded, nameof(embedded));
        int n = original.Length;
        DataChecks.RequireSameLength(n, embedded.Length, nameof(embedded));
        if (nNeighbors < 1 || nNeighbors >= n / 2.0)
        {
            throw new ArgumentOutOfRangeException(nameof(nNeighbors), nNeighbors, "Must be at least 1 and below n_samples / 2.");
        }
        double[] flat = DataChecks.Flatten(original, cols);
        double[] flatEmbedded = DataChecks.Flatten(embedded, embeddedCols);
        var penalties = new double[rows.Length];
        Parallel.For(0, rows.Length, () => (Indices: new int[nNeighbors], Squared: new double[nNeighbors], Buckets: new int[nNeighbors]), (r, _, buffers) =>
        {
            int i = rows[r];
            BruteForce.Nearest(flatEmbedded, n, embeddedCols, flatEmbedded.AsSpan(i * embeddedCols, embeddedCols), i, buffers.Indices, buffers.Squared);
            // Thresholds: original-space distances to the embedded neighbours, ascending; count the points below each.
            double[] thresholds = buffers.Indices.Select(j => Distances.SquaredEuclidean(flat, i, flat, j, cols)).Order().ToArray();
            Array.Clear(buffers.Buckets);
            double largest = thresholds[^1];
            var query = flat.AsSpan(i * cols, cols);
            for (int l = 0; l < n; l++)
            {
                if (l == i)
                {
                    continue;
                }
                double d = BruteForce.SquaredDistance(flat.AsSpan(l * cols, cols), query);
                if (d >= largest)
                {
                    continue;
                }
                int t = 0;
                while (d >= thresholds[t])
                {
                    t++;
                }
                buffers.Buckets[t]++;
            }
            double penalty = 0;
            int nearer = 0;
            for (int t = 0; t < nNeighbors; t++)
            {
                nearer += buffers.Buckets[t];
                penalty += Math.Max(0, nearer + 1 - nNeighbors);
            }
            penalties[r] = penalty;
            return buffers;
        }, _ => { });
        return penalties;
    }
}
