using MusicClustering.Analysis;

namespace MusicClustering.Grains;

/// <summary>Clusters a representation with K-Means and scores it. Pure CPU work, run off the grain scheduler.</summary>
internal static class LatentAnalysis
{
    public sealed record Outcome(int[] Assignments, double Inertia, ClusteringMetrics Metrics);

    public static Outcome Run(float[] data, int rows, int cols, int k, int seed, int[]? truth)
    {
        var x = new double[rows][];
        for (var r = 0; r < rows; r++)
        {
            x[r] = new double[cols];
            for (var c = 0; c < cols; c++)
            {
                x[r][c] = data[(r * cols) + c];
            }
        }

        var kmeans = KMeans.Fit(x, new KMeansOptions { NClusters = k, Seed = seed });
        var metrics = MetricSuite.Compute(x, kmeans.Labels, truth, excludeNoise: true);
        return new Outcome(kmeans.Labels, kmeans.Inertia, metrics);
    }
}
