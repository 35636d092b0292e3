namespace MusicClustering.Analysis;

/// <summary>
/// scipy's nn_chain linkage (ward, average, complete) with the same tie handling and Lance–Williams
/// arithmetic, so merge order and cut labels match scipy/sklearn exactly.
/// </summary>
internal static class NearestNeighborChain
{
    public static Merge[] Build(double[][] x, Linkage linkage)
    {
        int n = x.Length;
        var distances = new CondensedDistances(x);
        var size = new int[n];
        Array.Fill(size, 1);
        var merges = new Merge[n - 1];
        var chain = new int[n];
        int chainLength = 0;

        for (int k = 0; k < n - 1; k++)
        {
            if (chainLength == 0)
            {
                chainLength = 1;
                chain[0] = Array.FindIndex(size, s => s > 0);
            }
            int a;
            int b;
            double currentMin;
            while (true)
            {
                a = chain[chainLength - 1];
                // Prefer the previous chain element on ties to avoid cycles.
                b = chainLength > 1 ? chain[chainLength - 2] : -1;
                currentMin = chainLength > 1 ? distances[a, b] : double.PositiveInfinity;
                for (int i = 0; i < n; i++)
                {
                    if (size[i] == 0 || i == a)
                    {
                        continue;
                    }
                    double d = distances[a, i];
                    if (d < currentMin)
                    {
                        currentMin = d;
                        b = i;
                    }
                }
                if (chainLength > 1 && b == chain[chainLength - 2])
                {
                    break;
                }
                chain[chainLength++] = b;
            }
            chainLength -= 2;
            if (a > b)
            {
                (a, b) = (b, a);
            }
            int na = size[a];
            int nb = size[b];
            merges[k] = new Merge(a, b, currentMin);
            size[a] = 0;
            size[b] = na + nb;
            for (int i = 0; i < n; i++)
            {
                int ni = size[i];
                if (ni == 0 || i == b)
                {
                    continue;
                }
                distances[i, b] = Update(linkage, distances[i, a], distances[i, b], currentMin, na, nb, ni);
            }
        }
        return merges;
    }

    /// <summary>Lance–Williams updates written exactly as in scipy's _hierarchy_distance_update.pxi.</summary>
    private static double Update(Linkage linkage, double dxi, double dyi, double dxy, int nx, int ny, int ni)
    {
        switch (linkage)
        {
            case Linkage.Ward:
                double t = 1.0 / (nx + ny + ni);
                return Math.Sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
            case Linkage.Average:
                return (nx * dxi + ny * dyi) / (nx + ny);
            case Linkage.Complete:
                return Math.Max(dxi, dyi);
            default:
                throw new ArgumentOutOfRangeException(nameof(linkage), linkage, "nn_chain handles ward, average and complete.");
        }
    }
}
