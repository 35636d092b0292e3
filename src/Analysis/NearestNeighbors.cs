namespace MusicClustering.Analysis;

/// <summary>Brute-force k nearest neighbours (excluding the point itself), nearest first.</summary>
internal static class NearestNeighbors
{
    public static (int[][] Indices, double[][] SquaredDistances) Search(double[][] x, int k)
    {
        int cols = DataChecks.RequireRectangular(x);
        int n = x.Length;
        double[] flat = DataChecks.Flatten(x, cols);
        var indices = new int[n][];
        var distances = new double[n][];
        Parallel.For(0, n, i =>
        {
            var bestD = new double[k];
            var bestI = new int[k];
            Array.Fill(bestD, double.PositiveInfinity);
            for (int j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }
                double d = Distances.SquaredEuclidean(flat, i, flat, j, cols);
                if (d >= bestD[k - 1])
                {
                    continue;
                }
                int at = k - 1;
                while (at > 0 && bestD[at - 1] > d)
                {
                    bestD[at] = bestD[at - 1];
                    bestI[at] = bestI[at - 1];
                    at--;
                }
                bestD[at] = d;
                bestI[at] = j;
            }
            indices[i] = bestI;
            distances[i] = bestD;
        });
        return (indices, distances);
    }
}
