namespace MusicClustering.Analysis;

/// <summary>
/// Principal component analysis from the eigen-decomposition of the sample covariance (ddof 1, as sklearn's
/// explained_variance_). Each component's largest-magnitude loading is made positive for reproducible signs.
/// </summary>
public sealed class Pca
{
    public Pca(int nComponents)
    {
        if (nComponents < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(nComponents), nComponents, "Must be positive.");
        }
        NComponents = nComponents;
    }

    public int NComponents { get; }
    public double[] Mean { get; private set; } = [];

    /// <summary>Principal axes, one unit row per component.</summary>
    public double[][] Components { get; private set; } = [];

    public double[] ExplainedVariance { get; private set; } = [];
    public double[] ExplainedVarianceRatio { get; private set; } = [];

    public Pca Fit(double[][] x)
    {
        int cols = DataChecks.RequireRectangular(x);
        int n = x.Length;
        if (NComponents > Math.Min(n, cols))
        {
            throw new ArgumentException($"NComponents={NComponents} exceeds min(n_samples, n_features)={Math.Min(n, cols)}.");
        }
        if (n < 2)
        {
            throw new ArgumentException("PCA needs at least two samples.", nameof(x));
        }
        var mean = new double[cols];
        foreach (double[] row in x)
        {
            for (int j = 0; j < cols; j++)
            {
                mean[j] += row[j] / n;
            }
        }
        var covariance = new double[cols, cols];
        var centered = new double[cols];
        foreach (double[] row in x)
        {
            for (int j = 0; j < cols; j++)
            {
                centered[j] = row[j] - mean[j];
            }
            for (int a = 0; a < cols; a++)
            {
                for (int b = a; b < cols; b++)
                {
                    covariance[a, b] += centered[a] * centered[b];
                }
            }
        }
        double totalVariance = 0;
        for (int a = 0; a < cols; a++)
        {
            for (int b = a; b < cols; b++)
            {
                covariance[a, b] /= n - 1;
                covariance[b, a] = covariance[a, b];
            }
            totalVariance += covariance[a, a];
        }
        var (values, vectors) = SymmetricEigen.Decompose(covariance);
        Mean = mean;
        ExplainedVariance = values.Take(NComponents).Select(v => Math.Max(v, 0)).ToArray();
        ExplainedVarianceRatio = ExplainedVariance.Select(v => v / totalVariance).ToArray();
        Components = vectors.Take(NComponents).Select(FixSign).ToArray();
        return this;
    }

    public double[][] Transform(double[][] x)
    {
        if (Components.Length == 0)
        {
            throw new InvalidOperationException("Call Fit before Transform.");
        }
        int cols = DataChecks.RequireRectangular(x);
        DataChecks.RequireSameLength(Mean.Length, cols, nameof(x));
        return x.Select(row =>
        {
            var projected = new double[NComponents];
            for (int c = 0; c < NComponents; c++)
            {
                double sum = 0;
                for (int j = 0; j < cols; j++)
                {
                    sum += (row[j] - Mean[j]) * Components[c][j];
                }
                projected[c] = sum;
            }
            return projected;
        }).ToArray();
    }

    public double[][] FitTransform(double[][] x) => Fit(x).Transform(x);

    private static double[] FixSign(double[] vector)
    {
        double largest = vector.MaxBy(Math.Abs);
        return largest < 0 ? vector.Select(v => -v).ToArray() : vector;
    }
}
