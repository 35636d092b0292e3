namespace MusicClustering.Analysis;

/// <summary>
/// Barnes–Hut t-SNE to 2-D following sklearn's TSNE: sparse P over 3·perplexity neighbours, PCA initialisation scaled
/// to std 1e-4, early exaggeration with momentum 0.5 then 0.8, and per-coordinate gains.
/// </summary>
public sealed class Tsne
{
    private const double MinGain = 0.01;
    private readonly TsneOptions _options;

    public Tsne(TsneOptions? options = null)
    {
        _options = options ?? new TsneOptions();
    }

    public double[][] FitTransform(double[][] x)
    {
        DataChecks.RequireRectangular(x);
        int n = x.Length;
        if (_options.Perplexity >= n)
        {
            throw new ArgumentException($"Perplexity ({_options.Perplexity}) must be less than the number of samples ({n}).");
        }
        var (neighbors, p) = JointProbabilities(x);
        double[] y = Initialise(x);
        Optimise(y, n, neighbors, p);
        return Enumerable.Range(0, n).Select(i => new[] { y[2 * i], y[2 * i + 1] }).ToArray();
    }

    /// <summary>Symmetrised sparse P: p_ij = (p_j|i + p_i|j) / sum, stored per row over the union of neighbour lists.</summary>
    private (int[][] Neighbors, double[][] P) JointProbabilities(double[][] x)
    {
        int n = x.Length;
        int k = Math.Min(n - 1, (int)(3 * _options.Perplexity + 1));
        var (indices, squared) = NearestNeighbors.Search(x, k);
        Perplexity.Calibrate(squared, _options.Perplexity);
        var rows = new Dictionary<int, double>[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = [];
        }
        for (int i = 0; i < n; i++)
        {
            for (int t = 0; t < k; t++)
            {
                int j = indices[i][t];
                double v = squared[i][t];
                rows[i][j] = rows[i].GetValueOrDefault(j) + v;
                rows[j][i] = rows[j].GetValueOrDefault(i) + v;
            }
        }
        double total = Math.Max(rows.Sum(r => r.Values.Sum()), double.Epsilon);
        int[][] neighbors = rows.Select(r => r.Keys.ToArray()).ToArray();
        double[][] p = rows.Select(r => r.Values.Select(v => v / total).ToArray()).ToArray();
        return (neighbors, p);
    }

    private double[] Initialise(double[][] x)
    {
        int n = x.Length;
        int cols = x[0].Length;
        var y = new double[2 * n];
        if (cols >= 2)
        {
            double[][] projected = new Pca(2).FitTransform(x);
            double mean = projected.Average(r => r[0]);
            double std = Math.Sqrt(projected.Average(r => (r[0] - mean) * (r[0] - mean)));
            double scale = std > 0 ? 1e-4 / std : 1.0;
            for (int i = 0; i < n; i++)
            {
                y[2 * i] = projected[i][0] * scale;
                y[2 * i + 1] = projected[i][1] * scale;
            }
        }
        else
        {
            var random = new Random(_options.Seed);
            for (int i = 0; i < y.Length; i++)
            {
                y[i] = 1e-4 * Gaussian(random);
            }
        }
        return y;
    }

    private void Optimise(double[] y, int n, int[][] neighbors, double[][] p)
    {
        double learningRate = _options.LearningRate ?? Math.Max(n / _options.EarlyExaggeration / 4, 50);
        var update = new double[y.Length];
        var gains = new double[y.Length];
        Array.Fill(gains, 1.0);
        var gradient = new double[y.Length];
        double thetaSquared = _options.Angle * _options.Angle;
        for (int iter = 0; iter < _options.NIter; iter++)
        {
            bool exploring = iter < _options.ExplorationIter;
            double exaggeration = exploring ? _options.EarlyExaggeration : 1.0;
            double momentum = exploring ? 0.5 : 0.8;
            Gradient(y, n, neighbors, p, exaggeration, thetaSquared, gradient);
            for (int i = 0; i < y.Length; i++)
            {
                bool sameDirection = update[i] * gradient[i] < 0;
                gains[i] = Math.Max(sameDirection ? gains[i] + 0.2 : gains[i] * 0.8, MinGain);
                update[i] = momentum * update[i] - learningRate * gains[i] * gradient[i];
                y[i] += update[i];
            }
        }
    }

    /// <summary>KL gradient 4·(exaggeration·attraction − repulsion / Z) with Barnes–Hut repulsion.</summary>
    private static void Gradient(double[] y, int n, int[][] neighbors, double[][] p, double exaggeration, double thetaSquared, double[] gradient)
    {
        var tree = new QuadTree(y, n);
        var repulsion = new double[2 * n];
        double z = 0;
        Span<double> force = stackalloc double[2];
        for (int i = 0; i < n; i++)
        {
            force.Clear();
            z += tree.Repulsion(i, thetaSquared, force);
            repulsion[2 * i] = force[0];
            repulsion[2 * i + 1] = force[1];
        }
        z = Math.Max(z, double.Epsilon);
        for (int i = 0; i < n; i++)
        {
            double ax = 0;
            double ay = 0;
            for (int t = 0; t < neighbors[i].Length; t++)
            {
                int j = neighbors[i][t];
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double q = 1.0 / (1.0 + dx * dx + dy * dy);
                double w = p[i][t] * exaggeration * q;
                ax += w * dx;
                ay += w * dy;
            }
            gradient[2 * i] = 4 * (ax - repulsion[2 * i] / z);
            gradient[2 * i + 1] = 4 * (ay - repulsion[2 * i + 1] / z);
        }
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
