namespace MusicClustering.Analysis;

/// <summary>
/// The largest eigenpairs of a symmetric sparse matrix by thick-restart Lanczos with full reorthogonalisation
/// (Wu and Simon's scheme): O(m·n) memory for an m-vector basis, O(nnz) per matrix–vector product. Matrices too
/// small for a Krylov basis are decomposed densely.
/// </summary>
internal static class LanczosEigen
{
    private const int MaxRestarts = 1000;

    /// <summary>Eigenvalues (descending) and unit eigenvectors of the <paramref name="count"/> largest eigenpairs.</summary>
    public static (double[] Values, double[][] Vectors) Largest(SymmetricSparse matrix, int count, int seed, double tolerance = 1e-10)
    {
        int n = matrix.N;
        count = Math.Min(count, n);
        int basis = Math.Min(n, Math.Max(2 * count + 10, 30));
        if (basis >= n || n <= 64)
        {
            return Dense(matrix, count);
        }
        var v = new double[basis + 1][];
        for (int i = 0; i <= basis; i++)
        {
            v[i] = new double[n];
        }
        var random = new Random(seed);
        for (int i = 0; i < n; i++)
        {
            // sklearn's _init_arpack_v0: uniform on [-1, 1].
            v[0][i] = random.NextDouble() * 2 - 1;
        }
        Normalize(v[0]);
        var h = new double[basis, basis];
        var w = new double[n];
        int start = 0;
        for (int restart = 0; ; restart++)
        {
            double beta = Extend(matrix, v, h, w, start, basis, random);
            var (theta, u) = SymmetricEigen.Decompose(Copy(h, basis));
            bool converged = true;
            for (int i = 0; i < count; i++)
            {
                double residual = Math.Abs(beta * u[i][basis - 1]);
                converged &= residual <= tolerance * Math.Max(Math.Abs(theta[i]), 1e-300) || residual <= 1e-14;
            }
            int keep = Math.Min(count + (basis - count) / 2, basis - 1);
            var ritz = RitzVectors(v, u, converged || restart == MaxRestarts ? count : keep, basis, n);
            if (converged || restart == MaxRestarts)
            {
                return (theta[..count], ritz);
            }
            // Thick restart: the kept Ritz vectors, then the residual direction, coupled through beta·u_last.
            Array.Clear(h);
            for (int i = 0; i < keep; i++)
            {
                Array.Copy(ritz[i], v[i], n);
                h[i, i] = theta[i];
                h[i, keep] = h[keep, i] = beta * u[i][basis - 1];
            }
            Array.Copy(v[basis], v[keep], n);
            start = keep;
        }
    }

    /// <summary>Lanczos steps from column <paramref name="start"/> to the end of the basis; returns the last β (v[basis] holds its direction).</summary>
    private static double Extend(SymmetricSparse matrix, double[][] v, double[,] h, double[] w, int start, int basis, Random random)
    {
        int n = w.Length;
        double beta = 0;
        for (int j = start; j < basis; j++)
        {
            matrix.Multiply(v[j], w);
            for (int i = 0; i <= j; i++)
            {
                h[i, j] = 0;
            }
            // Classical Gram–Schmidt twice against the whole basis keeps it orthogonal to working precision.
            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 0; i <= j; i++)
                {
                    double c = Dot(v[i], w);
                    h[i, j] += c;
                    Axpy(-c, v[i], w);
                }
            }
            for (int i = 0; i < j; i++)
            {
                h[j, i] = h[i, j];
            }
            beta = Math.Sqrt(Dot(w, w));
            int next = j + 1;
            if (beta < 1e-12)
            {
                // An invariant subspace: continue from a fresh direction orthogonal to the basis, uncoupled (β = 0).
                beta = 0;
                FreshDirection(v, next, random, w);
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    v[next][i] = w[i] / beta;
                }
            }
            if (next < basis)
            {
                h[j, next] = h[next, j] = beta;
            }
        }
        return beta;
    }

    private static void FreshDirection(double[][] v, int next, Random random, double[] scratch)
    {
        int n = scratch.Length;
        for (int attempt = 0; attempt < 5; attempt++)
        {
            for (int i = 0; i < n; i++)
            {
                scratch[i] = random.NextDouble() * 2 - 1;
            }
            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 0; i < next; i++)
                {
                    Axpy(-Dot(v[i], scratch), v[i], scratch);
                }
            }
            double norm = Math.Sqrt(Dot(scratch, scratch));
            if (norm > 1e-8)
            {
                for (int i = 0; i < n; i++)
                {
                    v[next][i] = scratch[i] / norm;
                }
                return;
            }
        }
        Array.Clear(v[next]);
    }

    private static double[][] RitzVectors(double[][] v, double[][] u, int count, int basis, int n)
    {
        var result = new double[count][];
        for (int c = 0; c < count; c++)
        {
            var y = new double[n];
            for (int j = 0; j < basis; j++)
            {
                Axpy(u[c][j], v[j], y);
            }
            Normalize(y);
            result[c] = y;
        }
        return result;
    }

    private static (double[] Values, double[][] Vectors) Dense(SymmetricSparse matrix, int count)
    {
        int n = matrix.N;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            var columns = matrix.Columns(i);
            var values = matrix.Values(i);
            for (int t = 0; t < columns.Length; t++)
            {
                a[i, columns[t]] += values[t];
            }
        }
        var (values2, vectors) = SymmetricEigen.Decompose(a);
        return (values2[..count], vectors[..count]);
    }

    private static double[,] Copy(double[,] h, int size)
    {
        var copy = new double[size, size];
        Array.Copy(h, copy, h.Length);
        return copy;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void Axpy(double alpha, double[] x, double[] y)
    {
        for (int i = 0; i < y.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    private static void Normalize(double[] x)
    {
        double norm = Math.Sqrt(Dot(x, x));
        if (norm > 0)
        {
            for (int i = 0; i < x.Length; i++)
            {
                x[i] /= norm;
            }
        }
    }
}
