using Cloud.Unum.USearch;

namespace MusicClustering.Analysis.Neighbors;

/// <summary>
/// Approximate neighbours from USearch's HNSW graph (float32 vectors, squared L2). Rows are inserted in order on one
/// thread, so the graph is reproducible; answers are re-ranked with exact double-precision distances. USearch's C#
/// binding reserves one search context per core and fails a search beyond that, so a semaphore admits that many.
/// </summary>
internal sealed class HnswNeighborIndex : INeighborIndex
{
    private readonly double[] _flat;
    private readonly int _n;
    private readonly int _cols;
    private readonly NeighborIndexOptions _options;
    private readonly USearchIndex _index;
    private readonly SemaphoreSlim _searchSlots = new(Environment.ProcessorCount);

    public HnswNeighborIndex(double[] flat, int n, int cols, NeighborIndexOptions options)
    {
        _flat = flat;
        _n = n;
        _cols = cols;
        _options = options;
        _index = new USearchIndex(MetricKind.L2sq, ScalarKind.Float32, (ulong)cols, (ulong)options.Connectivity,
            (ulong)options.ExpansionAdd, (ulong)options.ExpansionSearch, false);
        var keys = new ulong[n];
        var vectors = new float[n][];
        for (int i = 0; i < n; i++)
        {
            keys[i] = (ulong)i;
            vectors[i] = ToFloats(flat.AsSpan(i * cols, cols));
        }
        // The array overload reserves capacity once; the single-vector Add grows it one row at a time.
        _index.Add(keys, vectors);
    }

    public int Count => _n;

    public int Dimensions => _cols;

    public bool IsExact => false;

    public Neighbor[] Query(ReadOnlySpan<double> vector, int k)
    {
        if (vector.Length != _cols)
        {
            throw new ArgumentException($"Expected {_cols} values but got {vector.Length}.", nameof(vector));
        }
        return Search(vector, Math.Min(k, _n), exclude: -1);
    }

    public Neighbor[] QueryPoint(int index, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _n);
        return Search(_flat.AsSpan(index * _cols, _cols), Math.Min(k, _n - 1), index);
    }

    public KnnGraph Graph(int k)
    {
        if (k < 1 || k >= _n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Must be between 1 and n - 1 = {_n - 1}.");
        }
        var indices = new int[_n][];
        var squared = new double[_n][];
        void Row(int i)
        {
            var found = Search(_flat.AsSpan(i * _cols, _cols), k, i);
            indices[i] = new int[k];
            squared[i] = new double[k];
            for (int t = 0; t < k; t++)
            {
                // HNSW may return fewer than asked on tiny graphs; repeat the farthest found to keep rows rectangular.
                var neighbor = found[Math.Min(t, found.Length - 1)];
                indices[i][t] = neighbor.Index;
                squared[i][t] = neighbor.Distance * neighbor.Distance;
            }
        }
        Parallel.For(0, _n, NeighborIndex.Parallelism(_options.MaxDegreeOfParallelism), Row);
        return new KnnGraph(indices, squared);
    }

    private Neighbor[] Search(ReadOnlySpan<double> vector, int k, int exclude)
    {
        if (k < 1)
        {
            return [];
        }
        int wanted = exclude >= 0 ? k + 1 : k;
        float[] query = ToFloats(vector);
        int count;
        ulong[] keys;
        _searchSlots.Wait();
        try
        {
            count = _index.Search(query, wanted, out keys, out _);
        }
        finally
        {
            _searchSlots.Release();
        }
        var result = new List<Neighbor>(wanted);
        for (int t = 0; t < count; t++)
        {
            int j = (int)keys[t];
            if (j != exclude)
            {
                result.Add(new Neighbor(j, Math.Sqrt(BruteForce.SquaredDistance(_flat.AsSpan(j * _cols, _cols), vector))));
            }
        }
        result.Sort((a, b) => a.Distance.CompareTo(b.Distance) is var c && c != 0 ? c : a.Index.CompareTo(b.Index));
        return result.Count > k ? result.GetRange(0, k).ToArray() : result.ToArray();
    }

    private static float[] ToFloats(ReadOnlySpan<double> values)
    {
        var floats = new float[values.Length];
        for (int j = 0; j < values.Length; j++)
        {
            floats[j] = (float)values[j];
        }
        return floats;
    }

    public void Dispose()
    {
        _index.Dispose();
        _searchSlots.Dispose();
    }
}
