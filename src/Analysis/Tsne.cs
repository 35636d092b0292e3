using MusicClustering.Analysis.Neighbors;

namespace MusicClustering.Analysis;

/// <summary>
/// Barnes–Hut t-SNE to 2-D following sklearn 1.2's TSNE: sparse P over the 3·perplexity nearest neighbours (from
/// <see cref="NeighborIndex"/>: exact up to 10k points, HNSW above, so affinities cost O(n log n) rather than O(n²)),
/// PCA initialisation scaled to std 1e-4, 250 exploration iterations with exaggeration and momentum 0.5, then a fresh
/// descent (gains and updates reset, as sklearn's second _gradient_descent call) with momentum 0.8, per-coordinate
/// gains, and sklearn's stopping checks every 50 iterations. Gradients are computed in parallel over points; each
/// point's sum runs in a fixed order, so the result does not depend on the thread count. Up to
/// <see cref="TsneOptions.ExactRepulsionMaxSamples"/> points the repulsion is summed exactly over all pairs (SIMD),
/// which is both faster than the tree there and free of the Barnes–Hut approximation. Above
/// <see cref="TsneOptions.FullMaxSamples"/> points the map is fitted on a fixed-seed sample and the other points are
/// placed by their nearest sampled neighbours, so its cost stops growing with n beyond one kNN query per point.
/// </summary>
public sealed class Tsne
{
    private const double MinGain = 0.01;
    private const int CheckEvery = 50;
    private readonly TsneOptions _options;

    public Tsne(TsneOptions? options = null)
    {
        _options = options ?? new TsneOptions();
    }

    /// <summary>Iterations run by the last fit (sklearn's n_iter_).</summary>
    public int IterationsRun { get; private set; }

    /// <summary>KL divergence at the last check of the last fit (sklearn's kl_divergence_).</summary>
    public double KlDivergence { get; private set; } = double.NaN;

    /// <summary>Points the last fit optimised (n, or the sample size above <see cref="TsneOptions.FullMaxSamples"/>).</summary>
    public int OptimisedPoints { get; private set; }

    public double[][] FitTransform(double[][] x)
    {
        DataChecks.RequireRectangular(x);
        if (x.Length > _options.FullMaxSamples)
        {
            return FitSampleAndPlace(x);
        }
        return FitAll(x);
    }

    /// <summary>t-SNE of a fixed-seed sample; the rest at the weighted mean of their nearest sampled points' positions.</summary>
    private double[][] FitSampleAndPlace(double[][] x)
    {
        int[] sample = Sampling.SampledMetrics.Sample(x.Length, _options.FullMaxSamples, _options.Seed);
        double[][] sampled = sample.Select(i => x[i]).ToArray();
        double[][] sampleEmbedding = FitAll(sampled);
        var embedding = new double[x.Length][];
        for (int s = 0; s < sample.Length; s++)
        {
            embedding[sample[s]] = sampleEmbedding[s];
        }
        using var index = NeighborIndex.Build(sampled, _options.Neighbors);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, x.Length, parallel, i =>
        {
            if (embedding[i] is not null)
            {
                return;
            }
            var neighbours = index.Query(x[i], _options.PlacementNeighbors);
            double wx = 0;
            double wy = 0;
            double total = 0;
            foreach (var neighbour in neighbours)
            {
                double w = 1.0 / Math.Max(neighbour.Distance, 1e-12);
                wx += w * sampleEmbedding[neighbour.Index][0];
                wy += w * sampleEmbedding[neighbour.Index][1];
                total += w;
            }
            embedding[i] = [wx / total, wy / total];
        });
        return embedding;
    }

    private double[][] FitAll(double[][] x)
    {
        int n = x.Length;
        OptimisedPoints = n;
        if (_options.Perplexity >= n)
        {
            throw new ArgumentException($"Perplexity ({_options.Perplexity}) must be less than the number of samples ({n}).");
        }
        var p = JointProbabilities(x);
        double[] y = Initialise(x);
        Optimise(y, n, p);
        return Enumerable.Range(0, n).Select(i => new[] { y[2 * i], y[2 * i + 1] }).ToArray();
    }

    /// <summary>Symmetrised sparse P: p_ij = (p_j|i + p_i|j) / Σ, in compressed rows.</summary>
    private SparseRows JointProbabilities(double[][] x)
    {
        int n = x.Length;
        int k = Math.Min(n - 1, (int)(3 * _options.Perplexity + 1));
        KnnGraph graph;
        using (var index = NeighborIndex.Build(x, (_options.Neighbors ?? new NeighborIndexOptions()) with { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism }))
        {
            graph = index.Graph(k);
        }
        double[][] conditional = graph.SquaredDistances;
        Perplexity.Calibrate(conditional, _options.Perplexity);
        return SparseRows.Symmetrize(graph.Indices, conditional);
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

    private void Optimise(double[] y, int n, SparseRows p)
    {
        double learningRate = _options.LearningRate ?? Math.Max(n / _options.EarlyExaggeration / 4, 50);
        var gradient = new double[y.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        int exploration = Math.Min(_options.ExplorationIter, _options.NIter);
        // sklearn: iterations 0..249 exaggerated, then a second descent from iteration 251 to n_iter − 1.
        int last = Descend(y, p, gradient, parallel, learningRate, 0, exploration, 0.5, _options.EarlyExaggeration, exploration);
        if (last < exploration - 1 || _options.NIter > exploration)
        {
            last = Descend(y, p, gradient, parallel, learningRate, last + 1, _options.NIter, 0.8, 1.0, _options.NIterWithoutProgress);
        }
        IterationsRun = last;
    }

    /// <summary>sklearn's _gradient_descent over iterations [start, end); returns the last iteration run.</summary>
    private int Descend(double[] y, SparseRows p, double[] gradient, ParallelOptions parallel, double learningRate,
        int start, int end, double momentum, double exaggeration, int withoutProgress)
    {
        var update = new double[y.Length];
        var gains = new double[y.Length];
        Array.Fill(gains, 1.0);
        double thetaSquared = _options.Angle * _options.Angle;
        double bestError = double.MaxValue;
        int bestIter = start;
        int i = start;
        for (; i < end; i++)
        {
            bool check = (i + 1) % CheckEvery == 0 || i == end - 1;
            double error = Gradient(y, p, exaggeration, thetaSquared, gradient, parallel, check);
            double norm = 0;
            for (int t = 0; t < y.Length; t++)
            {
                bool increase = update[t] * gradient[t] < 0;
                gains[t] = Math.Max(increase ? gains[t] + 0.2 : gains[t] * 0.8, MinGain);
                double g = gains[t] * gradient[t];
                norm += g * g;
                update[t] = momentum * update[t] - learningRate * g;
                y[t] += update[t];
            }
            if (!check)
            {
                continue;
            }
            KlDivergence = error;
            if (error < bestError)
            {
                bestError = error;
                bestIter = i;
            }
            else if (i - bestIter > withoutProgress)
            {
                break;
            }
            if (Math.Sqrt(norm) <= _options.MinGradNorm)
            {
                break;
            }
        }
        return Math.Min(i, end - 1);
    }

    /// <summary>KL gradient 4·(exaggeration·attraction − repulsion / Z) with Barnes–Hut repulsion; returns the KL divergence when asked.</summary>
    private double Gradient(double[] y, SparseRows p, double exaggeration, double thetaSquared, double[] gradient, ParallelOptions parallel, bool withError)
    {
        int n = y.Length / 2;
        var repulsion = new double[2 * n];
        var zParts = new double[n];
        if (n <= _options.ExactRepulsionMaxSamples)
        {
            ExactRepulsion.Compute(y, n, repulsion, zParts, parallel);
        }
        else
        {
            var tree = new QuadTree(y, n);
            Parallel.For(0, n, parallel, () => new int[256], (i, _, stack) =>
            {
                zParts[i] = tree.Repulsion(i, thetaSquared, ref stack, out repulsion[2 * i], out repulsion[2 * i + 1]);
                return stack;
            }, _ => { });
        }
        double z = Math.Max(zParts.Sum(), double.Epsilon);
        var errorParts = withError ? new double[n] : null;
        Parallel.For(0, n, parallel, i =>
        {
            double ax = 0;
            double ay = 0;
            double error = 0;
            var columns = p.Columns(i);
            var values = p.Values(i);
            for (int t = 0; t < columns.Length; t++)
            {
                int j = columns[t];
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double q = 1.0 / (1.0 + dx * dx + dy * dy);
                double pij = values[t] * exaggeration;
                double w = pij * q;
                ax += w * dx;
                ay += w * dy;
                if (errorParts is not null)
                {
                    error += pij * Math.Log(Math.Max(pij, double.Epsilon) / Math.Max(q / z, double.Epsilon));
                }
            }
            gradient[2 * i] = 4 * (ax - repulsion[2 * i] / z);
            gradient[2 * i + 1] = 4 * (ay - repulsion[2 * i + 1] / z);
            if (errorParts is not null)
            {
                errorParts[i] = error;
            }
        });
        return errorParts?.Sum() ?? double.NaN;
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
