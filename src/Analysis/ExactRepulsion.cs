using System.Numerics;

namespace MusicClustering.Analysis;

/// <summary>
/// t-SNE's repulsive forces summed over every pair, in SIMD single precision: Σ_j q_ij²·(y_i − y_j) and Σ_j q_ij with
/// q_ij = 1 / (1 + |y_i − y_j|²). O(n²) per iteration but with no tree, it beats Barnes–Hut below a few thousand
/// points, and it is exact. Each point's sums run in a fixed order, so results do not depend on the thread count.
/// </summary>
internal static class ExactRepulsion
{
    public static void Compute(double[] y, int n, double[] repulsion, double[] zParts, ParallelOptions parallel)
    {
        var xs = new float[n];
        var ys = new float[n];
        for (int i = 0; i < n; i++)
        {
            xs[i] = (float)y[2 * i];
            ys[i] = (float)y[2 * i + 1];
        }
        int width = Vector<float>.Count;
        int blocked = n - n % width;
        Parallel.For(0, n, parallel, i =>
        {
            var px = new Vector<float>(xs[i]);
            var py = new Vector<float>(ys[i]);
            var one = Vector<float>.One;
            var z = Vector<float>.Zero;
            var fx = Vector<float>.Zero;
            var fy = Vector<float>.Zero;
            for (int j = 0; j < blocked; j += width)
            {
                var dx = px - new Vector<float>(xs, j);
                var dy = py - new Vector<float>(ys, j);
                var q = one / (one + dx * dx + dy * dy);
                z += q;
                var q2 = q * q;
                fx += q2 * dx;
                fy += q2 * dy;
            }
            double sumZ = Vector.Sum(z);
            double sumX = Vector.Sum(fx);
            double sumY = Vector.Sum(fy);
            for (int j = blocked; j < n; j++)
            {
                double dx = xs[i] - xs[j];
                double dy = ys[i] - ys[j];
                double q = 1.0 / (1.0 + dx * dx + dy * dy);
                sumZ += q;
                sumX += q * q * dx;
                sumY += q * q * dy;
            }
            // The point itself contributed q = 1 and no force.
            zParts[i] = sumZ - 1;
            repulsion[2 * i] = sumX;
            repulsion[2 * i + 1] = sumY;
        });
    }
}
