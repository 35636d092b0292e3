namespace MusicClustering.Analysis.Neighbors;

/// <summary>Builds the neighbour index suited to the data's size: exact brute force, or USearch's HNSW above the threshold.</summary>
public static class NeighborIndex
{
    public static INeighborIndex Build(double[][] x, NeighborIndexOptions? options = null)
    {
        options ??= new NeighborIndexOptions();
        int cols = DataChecks.RequireRectangular(x);
        double[] flat = DataChecks.Flatten(x, cols);
        return x.Length <= options.ExactMaxSamples
            ? new ExactNeighborIndex(flat, x.Length, cols, options.MaxDegreeOfParallelism)
            : new HnswNeighborIndex(flat, x.Length, cols, options);
    }

    /// <summary>Recall@k of <paramref name="approximate"/> against <paramref name="exact"/> over the rows of both graphs.</summary>
    public static double Recall(KnnGraph approximate, KnnGraph exact)
    {
        ArgumentNullException.ThrowIfNull(approximate);
        ArgumentNullException.ThrowIfNull(exact);
        long hits = 0;
        long total = 0;
        for (int i = 0; i < exact.Count; i++)
        {
            var truth = new HashSet<int>(exact.Indices[i]);
            hits += approximate.Indices[i].Count(truth.Contains);
            total += truth.Count;
        }
        return total == 0 ? 1.0 : (double)hits / total;
    }

    internal static ParallelOptions Parallelism(int? maxDegree) =>
        new() { MaxDegreeOfParallelism = maxDegree ?? Environment.ProcessorCount };
}
