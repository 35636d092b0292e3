namespace MusicClustering.Analysis;

/// <summary>Cluster quality from the data alone, matching sklearn.metrics (euclidean). Labels are arbitrary ints.</summary>
public static class InternalMetrics
{
    /// <summary>Mean silhouette coefficient; samples in singleton clusters score 0 like sklearn. O(n²) time, O(n·k) memory.</summary>
    public static double Silhouette(double[][] x, int[] labels) => SilhouetteSamples(x, labels).Average();

    /// <summary>sklearn.metrics.silhouette_samples: each sample's (b − a) / max(a, b).</summary>
    public static double[] SilhouetteSamples(double[][] x, int[] labels)
    {
        var (codes, k, cols, flat) = Prepare(x, labels);
        int n = x.Length;
        int[] sizes = LabelEncoding.Counts(codes, k);
        // distanceSums[i * k + c] = sum of distances from sample i to the members of cluster c.
        var distanceSums = new double[n * k];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double d = Math.Sqrt(Distances.SquaredEuclidean(flat, i, flat, j, cols));
                distanceSums[i * k + codes[j]] += d;
                distanceSums[j * k + codes[i]] += d;
            }
        }
        var samples = new double[n];
        for (int i = 0; i < n; i++)
        {
            int own = codes[i];
            if (sizes[own] <= 1)
            {
                continue;
            }
            double a = distanceSums[i * k + own] / (sizes[own] - 1);
            double b = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
            {
                if (c != own)
                {
                    b = Math.Min(b, distanceSums[i * k + c] / sizes[c]);
                }
            }
            double denominator = Math.Max(a, b);
            samples[i] = denominator > 0 ? (b - a) / denominator : 0.0;
        }
        return samples;
    }

    /// <summary>Ratio of between- to within-cluster dispersion, scaled by degrees of freedom.</summary>
    public static double CalinskiHarabasz(double[][] x, int[] labels)
    {
        var (codes, k, cols, flat) = Prepare(x, labels);
        int n = x.Length;
        double[] centroids = Centroids(flat, codes, k, cols, out int[] sizes);
        var mean = new double[cols];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                mean[j] += flat[i * cols + j];
            }
        }
        for (int j = 0; j < cols; j++)
        {
            mean[j] /= n;
        }
        double extra = 0;
        for (int c = 0; c < k; c++)
        {
            extra += sizes[c] * Distances.SquaredEuclidean(centroids, c, mean, 0, cols);
        }
        double intra = 0;
        for (int i = 0; i < n; i++)
        {
            intra += Distances.SquaredEuclidean(flat, i, centroids, codes[i], cols);
        }
        return intra == 0 ? 1.0 : extra * (n - k) / (intra * (k - 1.0));
    }

    /// <summary>Average over clusters of the worst (s_i + s_j) / d(c_i, c_j) ratio; lower is better.</summary>
    public static double DaviesBouldin(double[][] x, int[] labels)
    {
        var (codes, k, cols, flat) = Prepare(x, labels);
        double[] centroids = Centroids(flat, codes, k, cols, out int[] sizes);
        var scatter = new double[k];
        for (int i = 0; i < x.Length; i++)
        {
            scatter[codes[i]] += Math.Sqrt(Distances.SquaredEuclidean(flat, i, centroids, codes[i], cols));
        }
        for (int c = 0; c < k; c++)
        {
            scatter[c] /= sizes[c];
        }
        var separation = new double[k, k];
        bool allScatterZero = scatter.All(s => Math.Abs(s) <= 1e-8);
        bool allSeparationZero = true;
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                separation[a, b] = Math.Sqrt(Distances.SquaredEuclidean(centroids, a, centroids, b, cols));
                allSeparationZero &= Math.Abs(separation[a, b]) <= 1e-8;
            }
        }
        if (allScatterZero || allSeparationZero)
        {
            return 0.0;
        }
        double total = 0;
        for (int a = 0; a < k; a++)
        {
            double worst = double.NegativeInfinity;
            for (int b = 0; b < k; b++)
            {
                // Coinciding centroids (including a with itself) count as infinitely far, like sklearn.
                double ratio = separation[a, b] == 0 ? 0.0 : (scatter[a] + scatter[b]) / separation[a, b];
                worst = Math.Max(worst, ratio);
            }
            total += worst;
        }
        return total / k;
    }

    private static (int[] Codes, int K, int Cols, double[] Flat) Prepare(double[][] x, int[] labels)
    {
        int cols = DataChecks.RequireRectangular(x);
        ArgumentNullException.ThrowIfNull(labels);
        DataChecks.RequireSameLength(x.Length, labels.Length, nameof(labels));
        var (codes, classes) = LabelEncoding.Encode(labels);
        if (classes.Length < 2 || classes.Length > x.Length - 1)
        {
            throw new ArgumentException(
                $"Number of labels is {classes.Length}. Valid values are 2 to n_samples - 1 (inclusive).", nameof(labels));
        }
        return (codes, classes.Length, cols, DataChecks.Flatten(x, cols));
    }

    private static double[] Centroids(double[] flat, int[] codes, int k, int cols, out int[] sizes)
    {
        sizes = LabelEncoding.Counts(codes, k);
        var centroids = new double[k * cols];
        for (int i = 0; i < codes.Length; i++)
        {
            int dst = codes[i] * cols;
            for (int j = 0; j < cols; j++)
            {
                centroids[dst + j] += flat[i * cols + j];
            }
        }
        for (int c = 0; c < k; c++)
        {
            for (int j = 0; j < cols; j++)
            {
                centroids[c * cols + j] /= sizes[c];
            }
        }
        return centroids;
    }
}
