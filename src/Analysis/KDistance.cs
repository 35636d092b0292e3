namespace MusicClustering.Analysis;

/// <summary>Sorted k-distance curve and its knee, the usual heuristic for DBSCAN's eps.</summary>
public static class KDistance
{
    /// <summary>Distance of every point to its k-th nearest neighbour counting itself (so k = min_samples), ascending.</summary>
    public static double[] SortedCurve(double[][] x, int k)
    {
        int cols = DataChecks.RequireRectangular(x);
        int n = x.Length;
        if (k < 1 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Must be between 1 and {n}.");
        }
        double[] flat = DataChecks.Flatten(x, cols);
        var curve = new double[n];
        var nearest = new double[k];
        for (int i = 0; i < n; i++)
        {
            // Keep the k smallest squared distances in ascending order (insertion into a short buffer).
            Array.Fill(nearest, double.PositiveInfinity);
            for (int j = 0; j < n; j++)
            {
                double d = Distances.SquaredEuclidean(flat, i, flat, j, cols);
                if (d >= nearest[k - 1])
                {
                    continue;
                }
                int at = k - 1;
                while (at > 0 && nearest[at - 1] > d)
                {
                    nearest[at] = nearest[at - 1];
                    at--;
                }
                nearest[at] = d;
            }
            curve[i] = Math.Sqrt(nearest[k - 1]);
        }
        Array.Sort(curve);
        return curve;
    }

    /// <summary>Kneedle-style knee: the point of the normalised curve farthest from the chord joining its ends.</summary>
    public static int KneeIndex(double[] sortedCurve)
    {
        ArgumentNullException.ThrowIfNull(sortedCurve);
        int n = sortedCurve.Length;
        if (n < 3)
        {
            return n - 1;
        }
        double low = sortedCurve[0];
        double range = sortedCurve[n - 1] - low;
        if (range <= 0)
        {
            return n - 1;
        }
        int best = n - 1;
        double bestGap = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            // On [0,1]² the chord is y = x; the perpendicular distance is proportional to x - y for a convex curve.
            double gap = (double)i / (n - 1) - (sortedCurve[i] - low) / range;
            if (gap > bestGap)
            {
                bestGap = gap;
                best = i;
            }
        }
        return best;
    }
}
