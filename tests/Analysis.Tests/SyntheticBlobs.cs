namespace MusicClustering.Analysis.Tests;

/// <summary>
/// The blobs of tests/Reference/scripts/synthetic_blobs.py, bit for bit: splitmix64 uniforms, centers in [-10, 10),
/// point i = center[i % clusters] + (sum of 4 uniforms − 2) · spread.
/// </summary>
internal static class SyntheticBlobs
{
    public static (double[][] X, int[] Labels) Make(int n, int dims, int clusters, double spread, ulong seed)
    {
        ulong state = seed;
        double Uniform()
        {
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
        var centers = new double[clusters][];
        for (int c = 0; c < clusters; c++)
        {
            centers[c] = new double[dims];
            for (int j = 0; j < dims; j++)
            {
                centers[c][j] = Uniform() * 20.0 - 10.0;
            }
        }
        var x = new double[n][];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int c = i % clusters;
            labels[i] = c;
            x[i] = new double[dims];
            for (int j = 0; j < dims; j++)
            {
                double u1 = Uniform();
                double u2 = Uniform();
                double u3 = Uniform();
                double u4 = Uniform();
                double noise = u1 + u2 + u3 + u4 - 2.0;
                x[i][j] = centers[c][j] + noise * spread;
            }
        }
        return (x, labels);
    }
}
