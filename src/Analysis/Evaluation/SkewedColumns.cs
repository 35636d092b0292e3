namespace MusicClustering.Analysis.Evaluation;

/// <summary>
/// Log-compresses strictly positive, right-skewed columns (variances, energies: scale parameters whose logs are closer
/// to Gaussian), so a few loud tracks don't dominate Euclidean distances. Uses no labels.
/// </summary>
public static class SkewedColumns
{
    public const double SkewnessThreshold = 1.0;

    /// <summary>Transforms <paramref name="data"/> (row-major) in place and returns the indexes of the columns it logged.</summary>
    public static IReadOnlyList<int> LogCompress(float[] data, int rows, int cols)
    {
        var logged = new List<int>();
        for (var c = 0; c < cols; c++)
        {
            if (!IsPositiveAndSkewed(data, rows, cols, c))
            {
                continue;
            }

            logged.Add(c);
            for (var r = 0; r < rows; r++)
            {
                data[(r * cols) + c] = MathF.Log(data[(r * cols) + c]);
            }
        }

        return logged;
    }

    private static bool IsPositiveAndSkewed(float[] data, int rows, int cols, int c)
    {
        double sum = 0;
        for (var r = 0; r < rows; r++)
        {
            var v = data[(r * cols) + c];
            if (v <= 0)
            {
                return false;
            }

            sum += v;
        }

        var mean = sum / rows;
        double m2 = 0, m3 = 0;
        for (var r = 0; r < rows; r++)
        {
            var d = data[(r * cols) + c] - mean;
            m2 += d * d;
            m3 += d * d * d;
        }

        m2 /= rows;
        m3 /= rows;
        return m2 > 0 && m3 / Math.Pow(m2, 1.5) > SkewnessThreshold;
    }
}
