namespace MusicClustering.Analysis;

/// <summary>A symmetric sparse matrix in compressed rows (both triangles stored), for matrix–vector products.</summary>
internal sealed class SymmetricSparse
{
    private readonly int[] _rowStart;
    private readonly int[] _columns;
    private readonly double[] _values;

    private SymmetricSparse(int n, int[] rowStart, int[] columns, double[] values)
    {
        N = n;
        _rowStart = rowStart;
        _columns = columns;
        _values = values;
    }

    public int N { get; }

    /// <summary>Builds rows from (i, j, value) entries given once per unordered pair; duplicates are summed.</summary>
    public static SymmetricSparse FromPairs(int n, IReadOnlyList<(int I, int J, double Value)> pairs)
    {
        var counts = new int[n + 1];
        foreach (var (i, j, _) in pairs)
        {
            counts[i + 1]++;
            counts[j + 1]++;
        }
        for (int i = 0; i < n; i++)
        {
            counts[i + 1] += counts[i];
        }
        var columns = new int[counts[n]];
        var values = new double[counts[n]];
        var next = (int[])counts.Clone();
        foreach (var (i, j, value) in pairs)
        {
            columns[next[i]] = j;
            values[next[i]++] = value;
            columns[next[j]] = i;
            values[next[j]++] = value;
        }
        return new SymmetricSparse(n, counts, columns, values);
    }

    public ReadOnlySpan<int> Columns(int row) => _columns.AsSpan(_rowStart[row], _rowStart[row + 1] - _rowStart[row]);

    public ReadOnlySpan<double> Values(int row) => _values.AsSpan(_rowStart[row], _rowStart[row + 1] - _rowStart[row]);

    public double RowSum(int row)
    {
        double sum = 0;
        foreach (double v in Values(row))
        {
            sum += v;
        }
        return sum;
    }

    /// <summary>Returns D·A·D for a diagonal D given as a vector.</summary>
    public SymmetricSparse ScaleSymmetric(double[] diagonal)
    {
        var values = new double[_values.Length];
        for (int i = 0; i < N; i++)
        {
            for (int t = _rowStart[i]; t < _rowStart[i + 1]; t++)
            {
                values[t] = _values[t] * diagonal[i] * diagonal[_columns[t]];
            }
        }
        return new SymmetricSparse(N, _rowStart, _columns, values);
    }

    /// <summary>The rows in <paramref name="members"/> as their own matrix (indices renumbered in that order).</summary>
    public SymmetricSparse Restrict(int[] members)
    {
        var position = new Dictionary<int, int>(members.Length);
        for (int p = 0; p < members.Length; p++)
        {
            position[members[p]] = p;
        }
        var pairs = new List<(int, int, double)>();
        for (int p = 0; p < members.Length; p++)
        {
            var columns = Columns(members[p]);
            var values = Values(members[p]);
            for (int t = 0; t < columns.Length; t++)
            {
                if (position.TryGetValue(columns[t], out int q) && q > p)
                {
                    pairs.Add((p, q, values[t]));
                }
            }
        }
        return FromPairs(members.Length, pairs);
    }

    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < N; i++)
        {
            double sum = 0;
            for (int t = _rowStart[i]; t < _rowStart[i + 1]; t++)
            {
                sum += _values[t] * x[_columns[t]];
            }
            y[i] = sum;
        }
    }

    /// <summary>Connected components, numbered by their smallest member; returns each row's component.</summary>
    public int[] Components(out int count)
    {
        var component = new int[N];
        Array.Fill(component, -1);
        count = 0;
        var stack = new Stack<int>();
        for (int start = 0; start < N; start++)
        {
            if (component[start] >= 0)
            {
                continue;
            }
            component[start] = count;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int i = stack.Pop();
                foreach (int j in Columns(i))
                {
                    if (component[j] < 0)
                    {
                        component[j] = count;
                        stack.Push(j);
                    }
                }
            }
            count++;
        }
        return component;
    }
}
