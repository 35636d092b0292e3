using MusicClustering.Analysis.Neighbors;

namespace MusicClustering.Analysis;

/// <summary>Sorted k-distance curve and its knee, the usual heuristic for DBSCAN's eps.</summary>
public static class KDistance
{
    /// <summary>
    /// Distance of every point to its k-th nearest neighbour counting itself (so k = min_samples), ascending. From the
    /// neighbour index: exact brute force up to its threshold, HNSW above it.
    /// </summary>
    public static double[] SortedCurve(double[][] x, int k, NeighborIndexOptions? neighbors = null)
    {
        DataChecks.RequireRectangular(x);
        int n = x.Length;
        if (k < 1 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Must be between 1 and {n}.");
        }
        var curve = new double[n];
        if (k > 1)
        {
            using var index = NeighborIndex.Build(x, neighbors);
            var graph = index.Graph(k - 1);
            for (int i = 0; i < n; i++)
            {
                curve[i] = Math.Sqrt(graph.SquaredDistances[i][k - 2]);
            }
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
