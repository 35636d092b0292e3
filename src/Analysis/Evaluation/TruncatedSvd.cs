namespace MusicClustering.Analysis.Evaluation;

/// <summary>
/// Truncated SVD like sklearn's TruncatedSVD(algorithm='randomized'): no centering (so it works on sparse TF-IDF,
/// i.e. LSA), Halko et al.'s randomized range finder with NOversamples extra vectors and NIter power iterations
/// (re-orthonormalised each step), then an exact SVD of the small projected matrix. Component signs follow
/// sklearn's svd_flip on Vᵀ: each component's largest-magnitude loading is positive.
/// </summary>
public sealed class TruncatedSvd
{
    public TruncatedSvd(int nComponents, int seed = 0)
    {
        if (nComponents < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(nComponents), nComponents, "Must be positive.");
        }
        NComponents = nComponents;
        Seed = seed;
    }

    public int NComponents { get; }
    public int Seed { get; }
    public int NOversamples { get; init; } = 10;
    public int NIter { get; init; } = 5;

    /// <summary>Right singular vectors, one unit row of length n_features per component.</summary>
    public double[][] Components { get; private set; } = [];

    public double[] SingularValues { get; private set; } = [];

    /// <summary>Population variance of each transformed column (np.var, as sklearn).</summary>
    public double[] ExplainedVariance { get; private set; } = [];

    /// <summary>ExplainedVariance over the total population variance of the input columns (centered, as sklearn).</summary>
    public double[] ExplainedVarianceRatio { get; private set; } = [];

    public double[][] FitTransform(double[][] x) => FitTransform(SubspaceMath.ToSparse(x));

    /// <summary>Fits and returns U·Σ, one row of NComponents per sample.</summary>
    public double[][] FitTransform(SparseMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int rank = Math.Min(x.Rows, x.Cols);
        if (NComponents > rank)
        {
            throw new ArgumentException($"NComponents={NComponents} exceeds min(n_samples, n_features)={rank}.", nameof(x));
        }
        int width = Math.Min(NComponents + NOversamples, rank);
        double[][] q = RangeFinder(x, width);
        double[][] b = SubspaceMath.TransposeTimes(x, q); // columns of Bᵀ = Xᵀ·Q, i.e. rows of B = Qᵀ·X
        var (values, vectors) = SymmetricEigen.Decompose(Gram(b));

        var components = new double[NComponents][];
        var singular = new double[NComponents];
        var transformed = new double[x.Rows][];
        for (int i = 0; i < x.Rows; i++)
        {
            transformed[i] = new double[NComponents];
        }
        for (int c = 0; c < NComponents; c++)
        {
            double sigma = Math.Sqrt(Math.Max(values[c], 0));
            double[] uHat = vectors[c];
            // v = Bᵀ·û / σ; the left vector is Q·û.
            var v = new double[x.Cols];
            for (int t = 0; t < width; t++)
            {
                double w = uHat[t];
                double[] bt = b[t];
                for (int j = 0; j < v.Length; j++)
                {
                    v[j] += bt[j] * w;
                }
            }
            double norm = Math.Sqrt(SubspaceMath.Dot(v, v));
            double scale = norm > 0 ? 1 / norm : 0;
            double largest = 0;
            for (int j = 0; j < v.Length; j++)
            {
                v[j] *= scale;
                if (Math.Abs(v[j]) > Math.Abs(largest))
                {
                    largest = v[j];
                }
            }
            double sign = largest < 0 ? -1 : 1;
            for (int j = 0; j < v.Length; j++)
            {
                v[j] *= sign;
            }
            for (int i = 0; i < x.Rows; i++)
            {
                double u = 0;
                for (int t = 0; t < width; t++)
                {
                    u += q[t][i] * uHat[t];
                }
                transformed[i][c] = sign * u * sigma;
            }
            components[c] = v;
            singular[c] = sigma;
        }
        Components = components;
        SingularValues = singular;
        ExplainedVariance = Enumerable.Range(0, NComponents).Select(c => PopulationVariance(transformed, c)).ToArray();
        double total = TotalVariance(x);
        ExplainedVarianceRatio = ExplainedVariance.Select(v => total > 0 ? v / total : 0).ToArray();
        return transformed;
    }

    /// <summary>Projects new rows onto the fitted components (X·Vᵀ).</summary>
    public double[][] Transform(SparseMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (Components.Length == 0)
        {
            throw new InvalidOperationException("Call FitTransform before Transform.");
        }
        DataChecks.RequireSameLength(Components[0].Length, x.Cols, nameof(x));
        double[][] columns = SubspaceMath.Times(x, Components);
        return Enumerable.Range(0, x.Rows).Select(i => columns.Select(col => col[i]).ToArray()).ToArray();
    }

    public double[][] Transform(double[][] x) => Transform(SubspaceMath.ToSparse(x));

    /// <summary>Orthonormal basis (columns of length n_samples) approximating the range of X.</summary>
    private double[][] RangeFinder(SparseMatrix x, int width)
    {
        var random = new Random(Seed);
        var omega = new double[width][];
        for (int c = 0; c < width; c++)
        {
            omega[c] = new double[x.Cols];
            for (int j = 0; j < x.Cols; j++)
            {
                omega[c][j] = Gaussian(random);
            }
        }
        double[][] q = SubspaceMath.Times(x, omega);
        SubspaceMath.Orthonormalize(q);
        for (int iter = 0; iter < NIter; iter++)
        {
            double[][] z = SubspaceMath.TransposeTimes(x, q);
            SubspaceMath.Orthonormalize(z);
            q = SubspaceMath.Times(x, z);
            SubspaceMath.Orthonormalize(q);
        }
        return q;
    }

    /// <summary>B·Bᵀ from the rows of B; small (width²) so the Jacobi solver is exact enough and cheap.</summary>
    private static double[,] Gram(double[][] rows)
    {
        int w = rows.Length;
        var gram = new double[w, w];
        for (int a = 0; a < w; a++)
        {
            for (int c = a; c < w; c++)
            {
                gram[a, c] = SubspaceMath.Dot(rows[a], rows[c]);
                gram[c, a] = gram[a, c];
            }
        }
        return gram;
    }

    private static double PopulationVariance(double[][] rows, int column)
    {
        double mean = rows.Average(r => r[column]);
        return rows.Average(r => (r[column] - mean) * (r[column] - mean));
    }

    /// <summary>Sum of column variances of X with implicit zeros: E[x²] − E[x]² per column.</summary>
    private static double TotalVariance(SparseMatrix x)
    {
        var sum = new double[x.Cols];
        var squares = new double[x.Cols];
        for (int k = 0; k < x.RowPointers[x.Rows]; k++)
        {
            sum[x.ColumnIndices[k]] += x.Values[k];
            squares[x.ColumnIndices[k]] += x.Values[k] * x.Values[k];
        }
        double total = 0;
        for (int j = 0; j < x.Cols; j++)
        {
            double mean = sum[j] / x.Rows;
            total += Math.Max(squares[j] / x.Rows - mean * mean, 0);
        }
        return total;
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
