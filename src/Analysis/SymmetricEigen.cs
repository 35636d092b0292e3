namespace MusicClustering.Analysis;

/// <summary>Eigen-decomposition of a real symmetric matrix by cyclic Jacobi rotations; eigenpairs sorted by descending eigenvalue.</summary>
public static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>Returns eigenvalues and eigenvectors; Vectors[i] is the unit eigenvector of Values[i].</summary>
    public static (double[] Values, double[][] Vectors) Decompose(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n)
        {
            throw new ArgumentException("The matrix must be square.", nameof(matrix));
        }
        var a = (double[,])matrix.Clone();
        var v = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            v[i, i] = 1;
        }
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double offDiagonal = 0;
            double diagonal = 0;
            for (int p = 0; p < n; p++)
            {
                diagonal += a[p, p] * a[p, p];
                for (int q = p + 1; q < n; q++)
                {
                    offDiagonal += a[p, q] * a[p, q];
                }
            }
            if (offDiagonal <= 1e-30 * Math.Max(diagonal, double.Epsilon))
            {
                break;
            }
            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    Rotate(a, v, n, p, q);
                }
            }
        }
        var order = Enumerable.Range(0, n).OrderByDescending(i => a[i, i]).ToArray();
        var values = order.Select(i => a[i, i]).ToArray();
        var vectors = order.Select(col => Enumerable.Range(0, n).Select(row => v[row, col]).ToArray()).ToArray();
        return (values, vectors);
    }

    /// <summary>Zeroes a[p,q] with one rotation (Numerical Recipes' stable tangent formula).</summary>
    private static void Rotate(double[,] a, double[,] v, int n, int p, int q)
    {
        double apq = a[p, q];
        if (apq == 0)
        {
            return;
        }
        double theta = (a[q, q] - a[p, p]) / (2 * apq);
        double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        if (theta == 0)
        {
            t = 1;
        }
        double c = 1 / Math.Sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < n; k++)
        {
            double akp = a[k, p];
            double akq = a[k, q];
            a[k, p] = c * akp - s * akq;
            a[k, q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++)
        {
            double apk = a[p, k];
            double aqk = a[q, k];
            a[p, k] = c * apk - s * aqk;
            a[q, k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; k++)
        {
            double vkp = v[k, p];
            double vkq = v[k, q];
            v[k, p] = c * vkp - s * vkq;
            v[k, q] = s * vkp + c * vkq;
        }
    }
}
