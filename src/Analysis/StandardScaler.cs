namespace MusicClustering.Analysis;

/// <summary>Column standardisation like sklearn's StandardScaler: population std (ddof 0), constant columns keep scale 1.</summary>
public sealed class StandardScaler
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    public double[] Mean { get; private set; } = [];
    public double[] Scale { get; private set; } = [];
    public bool IsFitted => Mean.Length > 0;

    public StandardScaler Fit(double[][] x)
    {
        int cols = DataChecks.RequireRectangular(x);
        int n = x.Length;
        var mean = new double[cols];
        foreach (double[] row in x)
        {
            for (int j = 0; j < cols; j++)
            {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < cols; j++)
        {
            mean[j] /= n;
        }
        var variance = new double[cols];
        foreach (double[] row in x)
        {
            for (int j = 0; j < cols; j++)
            {
                double d = row[j] - mean[j];
                variance[j] += d * d;
            }
        }
        var scale = new double[cols];
        for (int j = 0; j < cols; j++)
        {
            double var = variance[j] / n;
            // sklearn's _is_constant_feature: variance within rounding noise counts as constant.
            double bound = n * MachineEpsilon * var + Math.Pow(n * mean[j] * MachineEpsilon, 2);
            scale[j] = var <= bound ? 1.0 : Math.Sqrt(var);
        }
        Mean = mean;
        Scale = scale;
        return this;
    }

    public double[][] Transform(double[][] x)
    {
        if (!IsFitted)
        {
            throw new InvalidOperationException("Call Fit before Transform.");
        }
        int cols = DataChecks.RequireRectangular(x);
        DataChecks.RequireSameLength(Mean.Length, cols, nameof(x));
        var result = new double[x.Length][];
        for (int i = 0; i < x.Length; i++)
        {
            var row = new double[cols];
            for (int j = 0; j < cols; j++)
            {
                row[j] = (x[i][j] - Mean[j]) / Scale[j];
            }
            result[i] = row;
        }
        return result;
    }

    public double[][] FitTransform(double[][] x) => Fit(x).Transform(x);
}
