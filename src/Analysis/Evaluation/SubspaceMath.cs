namespace MusicClustering.Analysis.Evaluation;

/// <summary>Products of a CSR matrix with tall dense blocks stored column by column, plus Gram–Schmidt.</summary>
internal static class SubspaceMath
{
    /// <summary>X·Q for Q given as columns of length X.Cols; returns columns of length X.Rows.</summary>
    public static double[][] Times(SparseMatrix x, double[][] q)
    {
        var result = new double[q.Length][];
        for (int c = 0; c < q.Length; c++)
        {
            var column = new double[x.Rows];
            double[] qc = q[c];
            for (int r = 0; r < x.Rows; r++)
            {
                double sum = 0;
                for (int k = x.RowPointers[r]; k < x.RowPointers[r + 1]; k++)
                {
                    sum += x.Values[k] * qc[x.ColumnIndices[k]];
                }
                column[r] = sum;
            }
            result[c] = column;
        }
        return result;
    }

    /// <summary>Xᵀ·Q for Q given as columns of length X.Rows; returns columns of length X.Cols.</summary>
    public static double[][] TransposeTimes(SparseMatrix x, double[][] q)
    {
        var result = new double[q.Length][];
        for (int c = 0; c < q.Length; c++)
        {
            var column = new double[x.Cols];
            double[] qc = q[c];
            for (int r = 0; r < x.Rows; r++)
            {
                double w = qc[r];
                if (w == 0)
                {
                    continue;
                }
                for (int k = x.RowPointers[r]; k < x.RowPointers[r + 1]; k++)
                {
                    column[x.ColumnIndices[k]] += x.Values[k] * w;
                }
            }
            result[c] = column;
        }
        return result;
    }

    /// <summary>
    /// Orthonormalises the columns in place by modified Gram–Schmidt applied twice (one pass loses orthogonality
    /// on ill-conditioned blocks). Columns that vanish (rank deficiency) are left as zeros.
    /// </summary>
    public static void Orthonormalize(double[][] columns)
    {
        for (int c = 0; c < columns.Length; c++)
        {
            double[] v = columns[c];
            double original = Math.Sqrt(Dot(v, v));
            for (int pass = 0; pass < 2; pass++)
            {
                for (int p = 0; p < c; p++)
                {
                    double projection = Dot(columns[p], v);
                    double[] u = columns[p];
                    for (int i = 0; i < v.Length; i++)
                    {
                        v[i] -= projection * u[i];
                    }
                }
            }
            double norm = Math.Sqrt(Dot(v, v));
            double scale = norm > 1e-12 * Math.Max(original, double.Epsilon) ? 1 / norm : 0;
            for (int i = 0; i < v.Length; i++)
            {
                v[i] *= scale;
            }
        }
    }

    public static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /// <summary>Dense rows to CSR, dropping exact zeros.</summary>
    public static SparseMatrix ToSparse(double[][] x)
    {
        int cols = DataChecks.RequireRectangular(x);
        var rowPointers = new int[x.Length + 1];
        var indices = new List<int>();
        var values = new List<double>();
        for (int r = 0; r < x.Length; r++)
        {
            for (int j = 0; j < cols; j++)
            {
                if (x[r][j] != 0)
                {
                    indices.Add(j);
                    values.Add(x[r][j]);
                }
            }
            rowPointers[r + 1] = indices.Count;
        }
        return new SparseMatrix(x.Length, cols, rowPointers, indices.ToArray(), values.ToArray());
    }
}
