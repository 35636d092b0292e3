namespace MusicClustering.Analysis.Neighbors;

/// <summary>Brute-force neighbours: exact, O(n·d) per query, nothing beyond the data held.</summary>
internal sealed class ExactNeighborIndex(double[] flat, int n, int cols, int? maxDegreeOfParallelism) : INeighborIndex
{
    public int Count => n;

    public int Dimensions => cols;

    public bool IsExact => true;

    public Neighbor[] Query(ReadOnlySpan<double> vector, int k) => Search(vector, k, exclude: -1);

    public Neighbor[] QueryPoint(int index, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, n);
        return Search(flat.AsSpan(index * cols, cols), k, index);
    }

    public KnnGraph Graph(int k)
    {
        if (k < 1 || k >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Must be between 1 and n - 1 = {n - 1}.");
        }
        var indices = new int[n][];
        var squared = new double[n][];
        Parallel.For(0, n, NeighborIndex.Parallelism(maxDegreeOfParallelism), i =>
        {
            indices[i] = new int[k];
            squared[i] = new double[k];
            BruteForce.Nearest(flat, n, cols, flat.AsSpan(i * cols, cols), i, indices[i], squared[i]);
        });
        return new KnnGraph(indices, squared);
    }

    private Neighbor[] Search(ReadOnlySpan<double> vector, int k, int exclude)
    {
        if (vector.Length != cols)
        {
            throw new ArgumentException($"Expected {cols} values but got {vector.Length}.", nameof(vector));
        }
        k = Math.Min(k, exclude >= 0 ? n - 1 : n);
        if (k < 1)
        {
            return [];
        }
        var indices = new int[k];
        var squared = new double[k];
        int found = BruteForce.Nearest(flat, n, cols, vector, exclude, indices, squared);
        return Enumerable.Range(0, found).Select(t => new Neighbor(indices[t], Math.Sqrt(squared[t]))).ToArray();
    }

    public void Dispose()
    {
    }
}
