namespace MusicClustering.Learning;

/// <summary>TC of a Gaussian fitted to samples: ½(Σ log Σ_dd − log det Σ); 0 for independent dimensions.</summary>
internal static class GaussianTotalCorrelation
{
    /// <summary>Computes TC over the given dimensions of row-major <paramref name="samples"/> (population covariance).</summary>
    public static double Compute(float[] samples, int rows, int dims, IReadOnlyList<int> selected)
    {
        var k = selected.Count;
        if (k < 2 || rows < 2)
        {
            return 0;
        }

        var mean = new double[k];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < k; i++)
            {
                mean[i] += samples[(r * dims) + selected[i]];
            }
        }

        for (var i = 0; i < k; i++)
        {
            mean[i] /= rows;
        }

        var covariance = new double[k, k];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < k; i++)
            {
                var di = samples[(r * dims) + selected[i]] - mean[i];
                for (var j = 0; j <= i; j++)
                {
                    covariance[i, j] += di * (samples[(r * dims) + selected[j]] - mean[j]);
                }
            }
        }

        var sumLogDiagonal = 0.0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                covariance[i, j] /= rows;
                covariance[j, i] = covariance[i, j];
            }

            sumLogDiagonal += Math.Log(covariance[i, i]);
        }

        return 0.5 * (sumLogDiagonal - LogDeterminant(covariance));
    }

    /// <summary>log det of a symmetric positive-definite matrix via Cholesky; −∞ (so infinite TC) when singular.</summary>
    private static double LogDeterminant(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var lower = new double[n, n];
        var logDet = 0.0;
        for (var j = 0; j < n; j++)
        {
            var diagonal = matrix[j, j];
            for (var p = 0; p < j; p++)
            {
                diagonal -= lower[j, p] * lower[j, p];
            }

            if (diagonal <= 0)
            {
                return double.NegativeInfinity;
            }

            lower[j, j] = Math.Sqrt(diagonal);
            logDet += Math.Log(diagonal);
            for (var i = j + 1; i < n; i++)
            {
                var value = matrix[i, j];
                for (var p = 0; p < j; p++)
                {
                    value -= lower[i, p] * lower[j, p];
                }

                lower[i, j] = value / lower[j, j];
            }
        }

        return logDet;
    }
}
