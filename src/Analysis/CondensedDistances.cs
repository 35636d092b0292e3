namespace MusicClustering.Analysis;

/// <summary>Upper-triangle pairwise euclidean distances in scipy's condensed layout (n(n-1)/2 doubles).</summary>
internal sealed class CondensedDistances
{
    private readonly double[] _values;
    private readonly long _n;

    public CondensedDistances(double[][] x)
    {
        int cols = DataChecks.RequireRectangular(x);
        _n = x.Length;
        long size = _n * (_n - 1) / 2;
        if (size > Array.MaxLength)
        {
            throw new ArgumentException($"{_n} points are too many for a full distance matrix.", nameof(x));
        }
        _values = new double[size];
        double[] flat = DataChecks.Flatten(x, cols);
        for (int i = 0; i < _n; i++)
        {
            long offset = Index(i, i + 1);
            for (int j = i + 1; j < _n; j++)
            {
                _values[offset + j - i - 1] = Math.Sqrt(Distances.SquaredEuclidean(flat, i, flat, j, cols));
            }
        }
    }

    public double this[int i, int j]
    {
        get => _values[Index(i, j)];
        set => _values[Index(i, j)] = value;
    }

    private long Index(int i, int j)
    {
        if (i > j)
        {
            (i, j) = (j, i);
        }
        return _n * i - (long)i * (i + 1) / 2 + (j - i - 1);
    }
}
