namespace MusicClustering.Analysis.Tests.Evaluation;

/// <summary>Well separated Gaussian blobs with their true labels, for clustering smoke tests.</summary>
internal static class Blobs
{
    public static (double[][] X, int[] Truth) Make(int perCluster, int clusters, int cols, int seed, double spread = 0.3)
    {
        var random = new Random(seed);
        double[][] centers = Enumerable.Range(0, clusters)
            .Select(_ => Enumerable.Range(0, cols).Select(_ => random.NextDouble() * 20 - 10).ToArray()).ToArray();
        var x = new List<double[]>();
        var truth = new List<int>();
        for (int i = 0; i < perCluster * clusters; i++)
        {
            int c = i % clusters;
            x.Add(centers[c].Select(v => v + spread * Gaussian(random)).ToArray());
            truth.Add(c);
        }
        return (x.ToArray(), truth.ToArray());
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
