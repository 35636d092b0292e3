namespace MusicClustering.Analysis;

/// <summary>
/// sklearn's cluster_qr (Damle, Minden and Ying): pick k rows of the spectral embedding by column-pivoted QR of its
/// transpose, rotate the embedding by the polar factor of those rows, label each point by its largest |coordinate|.
/// Depends only on the embedding's column space, so eigensolver rotations and signs do not change it.
/// </summary>
internal static class ClusterQr
{
    public static int[] Assign(double[][] embedding)
    {
        int n = embedding.Length;
        int k = embedding[0].Length;
        int[] pivots = Pivots(embedding, k);
        // m[a][b] = embedding[pivots[b]][a]: the pivot rows as columns.
        var m = new double[k, k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                m[a, b] = embedding[pivots[b]][a];
            }
        }
        double[,] rotation = PolarFactor(m, k);
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            double best = double.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                double value = 0;
                for (int a = 0; a < k; a++)
                {
                    value += embedding[i][a] * rotation[a, c];
                }
                value = Math.Abs(value);
                if (value > best)
                {
                    best = value;
                    labels[i] = c;
                }
            }
        }
        return labels;
    }

    /// <summary>The first k pivots of QR with column pivoting on embeddingᵀ (greedy largest residual norm, first on ties).</summary>
    private static int[] Pivots(double[][] embedding, int k)
    {
        int n = embedding.Length;
        var residual = embedding.Select(row => (double[])row.Clone()).ToArray();
        var pivots = new int[k];
        var chosen = new bool[n];
        for (int t = 0; t < k; t++)
        {
            int best = -1;
            double bestNorm = -1;
            for (int i = 0; i < n; i++)
            {
                if (chosen[i])
                {
                    continue;
                }
                double norm = 0;
                foreach (double v in residual[i])
                {
                    norm += v * v;
                }
                if (norm > bestNorm)
                {
                    bestNorm = norm;
                    best = i;
                }
            }
            pivots[t] = best;
            chosen[best] = true;
            double scale = Math.Sqrt(bestNorm);
            if (scale == 0)
            {
                continue;
            }
            var q = residual[best].Select(v => v / scale).ToArray();
            for (int i = 0; i < n; i++)
            {
                double c = 0;
                for (int a = 0; a < k; a++)
                {
                    c += q[a] * residual[i][a];
                }
                for (int a = 0; a < k; a++)
                {
                    residual[i][a] -= c * q[a];
                }
            }
        }
        return pivots;
    }

    /// <summary>U·Vᵀ of the SVD M = U·Σ·Vᵀ, computed as M·W·Λ^(−1/2)·Wᵀ from MᵀM = W·Λ·Wᵀ.</summary>
    private static double[,] PolarFactor(double[,] m, int k)
    {
        var gram = new double[k, k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                double sum = 0;
                for (int r = 0; r < k; r++)
                {
                    sum += m[r, a] * m[r, b];
                }
                gram[a, b] = sum;
            }
        }
        var (values, vectors) = SymmetricEigen.Decompose(gram);
        double floor = Math.Max(values[0], 0) * 1e-24;
        var inverseRoot = new double[k, k];
        for (int e = 0; e < k; e++)
        {
            if (values[e] <= floor)
            {
                continue;
            }
            double s = 1 / Math.Sqrt(values[e]);
            for (int a = 0; a < k; a++)
            {
                for (int b = 0; b < k; b++)
                {
                    inverseRoot[a, b] += vectors[e][a] * s * vectors[e][b];
                }
            }
        }
        var result = new double[k, k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                double sum = 0;
                for (int r = 0; r < k; r++)
                {
                    sum += m[a, r] * inverseRoot[r, b];
                }
                result[a, b] = sum;
            }
        }
        return result;
    }
}
