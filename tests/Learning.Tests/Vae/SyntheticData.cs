namespace MusicClustering.Learning.Tests;

/// <summary>Seeded Gaussian blobs: a small, learnable table for fast VAE tests.</summary>
internal static class SyntheticData
{
    public static float[] Blobs(int rows, int columns, int clusters, int seed)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, clusters)
            .Select(_ => Enumerable.Range(0, columns).Select(_ => (random.NextDouble() * 10) - 5).ToArray())
            .ToArray();
        var data = new float[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            var centre = centres[r % clusters];
            for (var c = 0; c < columns; c++)
            {
                data[(r * columns) + c] = (float)(centre[c] + Gaussian(random) + (c * 100));
            }
        }

        return data;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
