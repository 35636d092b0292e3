namespace MusicClustering.Analysis;

/// <summary>
/// Mini-batch K-Means following sklearn 1.2's MiniBatchKMeans: the best of n_init k-means++ seedings (each on
/// init_size random points, judged on one validation set), then n·max_iter/batch_size steps on random batches with
/// per-center learning rates, random reassignment of starved centers, and early stopping on the smoothed batch inertia.
/// Labels and inertia are computed on all points at the end. O(batch·k·d) per step, O(n) memory.
/// </summary>
public static class MiniBatchKMeans
{
    public static KMeansResult Fit(double[][] x, MiniBatchKMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int d = DataChecks.RequireRectangular(x);
        int n = x.Length;
        int k = options.NClusters;
        if (k < 1 || n < k)
        {
            throw new ArgumentException($"n_samples={n} should be >= n_clusters={k}.", nameof(x));
        }
        if (options.BatchSize < 1 || options.MaxIter < 1 || options.NInit < 1)
        {
            throw new ArgumentException("batch_size, max_iter and n_init must be positive.", nameof(options));
        }
        double[] flat = DataChecks.Flatten(x, d);
        int batchSize = Math.Min(options.BatchSize, n);
        int initSize = Math.Min(options.InitSize is { } given ? Math.Max(given, 3 * k) : Math.Max(3 * batchSize, 3 * k), n);
        double tol = options.Tol > 0 ? options.Tol * KMeans.MeanVariance(flat, n, d) : 0;
        var random = new Random(options.Seed);

        int[] validation = RandomRows(random, n, initSize);
        double[]? centers = null;
        double bestInertia = double.PositiveInfinity;
        for (int init = 0; init < options.NInit; init++)
        {
            int[] subset = initSize < n ? RandomRows(random, n, initSize) : Enumerable.Range(0, n).ToArray();
            double[] candidate = KMeansPlusPlus.Init(Gather(flat, subset, d), subset.Length, d, k, random);
            double inertia = Assign(flat, validation, candidate, k, d, new int[validation.Length]);
            if (centers is null || inertia < bestInertia)
            {
                centers = candidate;
                bestInertia = inertia;
            }
        }

        var state = new StepState(k, n, batchSize);
        var next = new double[centers!.Length];
        var batchLabels = new int[batchSize];
        long steps = (long)options.MaxIter * n / batchSize;
        long step = 0;
        for (; step < steps; step++)
        {
            int[] batch = RandomRows(random, n, batchSize);
            double batchInertia = Assign(flat, batch, centers, k, d, batchLabels);
            Update(flat, batch, batchLabels, centers, next, state.Counts, d);
            if (state.ShouldReassign() && options.ReassignmentRatio > 0)
            {
                Reassign(flat, batch, next, state.Counts, options.ReassignmentRatio, random, d);
            }
            double shift = tol > 0 ? Distances.SquaredEuclidean(centers, next) : 0;
            (centers, next) = (next, centers);
            if (state.Converged(step, batchInertia / batchSize, shift, tol, options.MaxNoImprovement))
            {
                break;
            }
        }
        var labels = new int[n];
        double total = Assign(flat, Enumerable.Range(0, n).ToArray(), centers, k, d, labels);
        var rows = Enumerable.Range(0, k).Select(c => centers.AsSpan(c * d, d).ToArray()).ToArray();
        return new KMeansResult(labels, rows, total, (int)Math.Ceiling((Math.Min(step + 1, steps) * (double)batchSize) / n));
    }

    /// <summary>sklearn's _minibatch_update_dense: center = (center·count + Σ batch members) / (count + members).</summary>
    private static void Update(double[] x, int[] batch, int[] labels, double[] centers, double[] next, double[] counts, int d)
    {
        int k = counts.Length;
        var members = new int[k];
        var sums = new double[k * d];
        for (int b = 0; b < batch.Length; b++)
        {
            int c = labels[b];
            members[c]++;
            int src = batch[b] * d;
            for (int j = 0; j < d; j++)
            {
                sums[c * d + j] += x[src + j];
            }
        }
        for (int c = 0; c < k; c++)
        {
            if (members[c] == 0)
            {
                Array.Copy(centers, c * d, next, c * d, d);
                continue;
            }
            double total = counts[c] + members[c];
            for (int j = 0; j < d; j++)
            {
                next[c * d + j] = (centers[c * d + j] * counts[c] + sums[c * d + j]) / total;
            }
            counts[c] = total;
        }
    }

    /// <summary>Centers with counts below ratio·max move onto random batch points (at most half the batch), keeping the smallest live count.</summary>
    private static void Reassign(double[] x, int[] batch, double[] centers, double[] counts, double ratio, Random random, int d)
    {
        int k = counts.Length;
        double threshold = ratio * counts.Max();
        var reassign = Enumerable.Range(0, k).Where(c => counts[c] < threshold).ToHashSet();
        int cap = (int)(0.5 * batch.Length);
        if (reassign.Count > cap)
        {
            // Keep only the cap smallest counts for reassignment, as sklearn's argsort does.
            reassign = Enumerable.Range(0, k).OrderBy(c => counts[c]).Take(cap).Where(reassign.Contains).ToHashSet();
        }
        if (reassign.Count == 0 || reassign.Count == k)
        {
            return;
        }
        int[] picks = RandomDistinct(random, batch.Length, reassign.Count);
        double smallestKept = Enumerable.Range(0, k).Where(c => !reassign.Contains(c)).Min(c => counts[c]);
        int p = 0;
        foreach (int c in reassign.Order())
        {
            Array.Copy(x, batch[picks[p++]] * d, centers, c * d, d);
            counts[c] = smallestKept;
        }
    }

    private static double Assign(double[] x, int[] rows, double[] centers, int k, int d, int[] labels)
    {
        double inertia = 0;
        for (int r = 0; r < rows.Length; r++)
        {
            int best = 0;
            double bestDistance = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
            {
                double distance = Distances.SquaredEuclidean(x, rows[r], centers, c, d);
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = c;
                }
            }
            labels[r] = best;
            inertia += bestDistance;
        }
        return inertia;
    }

    private static int[] RandomRows(Random random, int n, int count)
    {
        var rows = new int[count];
        for (int i = 0; i < count; i++)
        {
            rows[i] = random.Next(n);
        }
        return rows;
    }

    private static int[] RandomDistinct(Random random, int n, int count)
    {
        var pool = Enumerable.Range(0, n).ToArray();
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, n);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }

    private static double[] Gather(double[] x, int[] rows, int d)
    {
        var result = new double[rows.Length * d];
        for (int r = 0; r < rows.Length; r++)
        {
            Array.Copy(x, rows[r] * d, result, r * d, d);
        }
        return result;
    }

    /// <summary>Counts, the reassignment clock and sklearn's exponentially weighted inertia for early stopping.</summary>
    private sealed class StepState(int k, int n, int batchSize)
    {
        private double? _ewaInertia;
        private double? _ewaInertiaMin;
        private int _noImprovement;
        private long _sinceReassign;

        public double[] Counts { get; } = new double[k];

        public bool ShouldReassign()
        {
            _sinceReassign += batchSize;
            if (Counts.Any(c => c == 0) || _sinceReassign >= 10 * Counts.Length)
            {
                _sinceReassign = 0;
                return true;
            }
            return false;
        }

        public bool Converged(long step, double batchInertia, double shift, double tol, int maxNoImprovement)
        {
            if (step == 0)
            {
                // The first step's inertia comes from the initialisation; sklearn ignores it.
                return false;
            }
            double alpha = Math.Min(batchSize * 2.0 / (n + 1), 1);
            _ewaInertia = _ewaInertia is { } ewa ? ewa * (1 - alpha) + batchInertia * alpha : batchInertia;
            if (tol > 0 && shift <= tol)
            {
                return true;
            }
            if (_ewaInertiaMin is null || _ewaInertia < _ewaInertiaMin)
            {
                _noImprovement = 0;
                _ewaInertiaMin = _ewaInertia;
            }
            else
            {
                _noImprovement++;
            }
            return maxNoImprovement > 0 && _noImprovement >= maxNoImprovement;
        }
    }
}
