namespace MusicClustering.Analysis;

/// <summary>Single linkage as a minimum spanning tree grown by Prim's algorithm (sklearn's mst_linkage_core), O(n) memory.</summary>
internal static class PrimSingleLinkage
{
    public static Merge[] Build(double[][] x)
    {
        int n = x.Length;
        int cols = DataChecks.RequireRectangular(x);
        double[] flat = DataChecks.Flatten(x, cols);
        var inTree = new bool[n];
        var current = new double[n];
        Array.Fill(current, double.MaxValue);
        var merges = new Merge[n - 1];
        int node = 0;
        for (int step = 0; step < n - 1; step++)
        {
            inTree[node] = true;
            double best = double.MaxValue;
            int next = 0;
            for (int j = 0; j < n; j++)
            {
                if (inTree[j])
                {
                    continue;
                }
                double d = Math.Sqrt(Distances.SquaredEuclidean(flat, node, flat, j, cols));
                if (d < current[j])
                {
                    current[j] = d;
                }
                if (current[j] < best)
                {
                    best = current[j];
                    next = j;
                }
            }
            merges[step] = new Merge(node, next, best);
            node = next;
        }
        return merges;
    }
}
