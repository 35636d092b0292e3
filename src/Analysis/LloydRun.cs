namespace MusicClustering.Analysis;

/// <summary>One Lloyd run from given centers, following sklearn's _kmeans_single_lloyd loop and stopping rules.</summary>
internal sealed class LloydRun
{
    private readonly double[] _x;
    private readonly int _n;
    private readonly int _cols;
    private readonly int _k;

    public LloydRun(double[] x, int n, int cols, int k)
    {
        _x = x;
        _n = n;
        _cols = cols;
        _k = k;
    }

    public (int[] Labels, double[] Centers, double Inertia, int Iterations) Run(double[] initialCenters, int maxIter, double tol)
    {
        var centers = (double[])initialCenters.Clone();
        var newCenters = new double[centers.Length];
        var labels = new int[_n];
        var oldLabels = new int[_n];
        Array.Fill(oldLabels, -1);
        bool strictConvergence = false;
        int iteration = 0;
        for (; iteration < maxIter; iteration++)
        {
            Assign(centers, labels);
            double shift = UpdateCenters(centers, labels, newCenters);
            (centers, newCenters) = (newCenters, centers);
            if (labels.AsSpan().SequenceEqual(oldLabels))
            {
                strictConvergence = true;
                break;
            }
            if (shift <= tol)
            {
                break;
            }
            Array.Copy(labels, oldLabels, _n);
        }
        if (!strictConvergence)
        {
            // The centers moved after the last assignment; re-label so labels match the returned centers.
            Assign(centers, labels);
        }
        return (labels, centers, Inertia(centers, labels), Math.Min(iteration + 1, maxIter));
    }

    public void Assign(double[] centers, int[] labels)
    {
        for (int i = 0; i < _n; i++)
        {
            int best = 0;
            double bestDist = double.PositiveInfinity;
            for (int c = 0; c < _k; c++)
            {
                double d = Distances.SquaredEuclidean(_x, i, centers, c, _cols);
                if (d < bestDist)
                {
                    bestDist = d;
                    best = c;
                }
            }
            labels[i] = best;
        }
    }

    public double Inertia(double[] centers, int[] labels)
    {
        double inertia = 0;
        for (int i = 0; i < _n; i++)
        {
            inertia += Distances.SquaredEuclidean(_x, i, centers, labels[i], _cols);
        }
        return inertia;
    }

    /// <summary>Writes cluster means into <paramref name="newCenters"/> and returns the total squared center shift.</summary>
    private double UpdateCenters(double[] centers, int[] labels, double[] newCenters)
    {
        Array.Clear(newCenters);
        var counts = new double[_k];
        for (int i = 0; i < _n; i++)
        {
            int c = labels[i];
            counts[c]++;
            int dst = c * _cols;
            int src = i * _cols;
            for (int j = 0; j < _cols; j++)
            {
                newCenters[dst + j] += _x[src + j];
            }
        }
        RelocateEmptyClusters(centers, labels, newCenters, counts);
        double shift = 0;
        for (int c = 0; c < _k; c++)
        {
            for (int j = 0; j < _cols; j++)
            {
                int at = c * _cols + j;
                if (counts[c] > 0)
                {
                    newCenters[at] /= counts[c];
                }
                double d = newCenters[at] - centers[at];
                shift += d * d;
            }
        }
        return shift;
    }

    /// <summary>sklearn moves each empty cluster onto the point farthest from its current center (sums, before dividing).</summary>
    private void RelocateEmptyClusters(double[] centers, int[] labels, double[] sums, double[] counts)
    {
        var empty = Enumerable.Range(0, _k).Where(c => counts[c] == 0).ToArray();
        if (empty.Length == 0)
        {
            return;
        }
        var farthest = Enumerable.Range(0, _n)
            .OrderByDescending(i => Distances.SquaredEuclidean(_x, i, centers, labels[i], _cols))
            .Take(empty.Length)
            .ToArray();
        for (int e = 0; e < empty.Length && e < farthest.Length; e++)
        {
            int target = empty[e];
            int point = farthest[e];
            int old = labels[point];
            for (int j = 0; j < _cols; j++)
            {
                double v = _x[point * _cols + j];
                sums[old * _cols + j] -= v;
                sums[target * _cols + j] = v;
            }
            counts[target] = 1;
            counts[old] -= 1;
        }
    }
}
