namespace MusicClustering.Analysis;

/// <summary>Greedy k-means++ seeding as in sklearn: 2 + ln(k) candidates per step, keep the one lowering the potential most.</summary>
internal static class KMeansPlusPlus
{
    public static double[] Init(double[] x, int n, int cols, int k, Random random)
    {
        int localTrials = 2 + (int)Math.Log(k);
        var centers = new double[k * cols];
        int first = random.Next(n);
        Array.Copy(x, first * cols, centers, 0, cols);

        var closest = new double[n];
        for (int i = 0; i < n; i++)
        {
            closest[i] = Distances.SquaredEuclidean(x, i, centers, 0, cols);
        }
        double potential = Sum(closest);

        var cumulative = new double[n];
        var candidateDist = new double[n];
        var bestDist = new double[n];
        for (int c = 1; c < k; c++)
        {
            CumulativeSum(closest, cumulative);
            double bestPotential = double.PositiveInfinity;
            int bestCandidate = -1;
            for (int t = 0; t < localTrials; t++)
            {
                int candidate = SearchSorted(cumulative, random.NextDouble() * potential);
                double candidatePotential = 0;
                for (int i = 0; i < n; i++)
                {
                    double d = Math.Min(closest[i], Distances.SquaredEuclidean(x, i, x, candidate, cols));
                    candidateDist[i] = d;
                    candidatePotential += d;
                }
                if (candidatePotential < bestPotential)
                {
                    bestPotential = candidatePotential;
                    bestCandidate = candidate;
                    Array.Copy(candidateDist, bestDist, n);
                }
            }
            Array.Copy(x, bestCandidate * cols, centers, c * cols, cols);
            Array.Copy(bestDist, closest, n);
            potential = bestPotential;
        }
        return centers;
    }

    private static double Sum(double[] values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }
        return sum;
    }

    private static void CumulativeSum(double[] values, double[] cumulative)
    {
        double running = 0;
        for (int i = 0; i < values.Length; i++)
        {
            running += values[i];
            cumulative[i] = running;
        }
    }

    /// <summary>First index whose cumulative value reaches <paramref name="target"/>, clipped to the last index (numpy searchsorted).</summary>
    private static int SearchSorted(double[] cumulative, double target)
    {
        int index = Array.BinarySearch(cumulative, target);
        if (index < 0)
        {
            index = ~index;
        }
        else
        {
            // BinarySearch may land on any equal entry; step back to the first one.
            while (index > 0 && cumulative[index - 1] == target)
            {
                index--;
            }
        }
        return Math.Min(index, cumulative.Length - 1);
    }
}
