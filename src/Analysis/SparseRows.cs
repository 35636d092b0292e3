namespace MusicClustering.Analysis;

/// <summary>A sparse square matrix in compressed rows with sorted columns (t-SNE's joint probabilities).</summary>
internal sealed class SparseRows
{
    private readonly int[] _rowStart;
    private readonly int[] _columns;
    private readonly double[] _values;

    private SparseRows(int[] rowStart, int[] columns, double[] values)
    {
        _rowStart = rowStart;
        _columns = columns;
        _values = values;
    }

    public ReadOnlySpan<int> Columns(int row) => _columns.AsSpan(_rowStart[row], _rowStart[row + 1] - _rowStart[row]);

    public ReadOnlySpan<double> Values(int row) => _values.AsSpan(_rowStart[row], _rowStart[row + 1] - _rowStart[row]);

    /// <summary>(C + Cᵀ) / Σ for the row-wise conditional probabilities C over each row's neighbour list.</summary>
    public static SparseRows Symmetrize(int[][] neighbors, double[][] conditional)
    {
        int n = neighbors.Length;
        var start = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            start[i + 1] += neighbors[i].Length;
            foreach (int j in neighbors[i])
            {
                start[j + 1]++;
            }
        }
        for (int i = 0; i < n; i++)
        {
            start[i + 1] += start[i];
        }
        // Both directions of every entry in flat arrays (12 bytes each), then each row sorted and duplicates merged in place.
        var columns = new int[start[n]];
        var values = new double[start[n]];
        var next = start[..n];
        for (int i = 0; i < n; i++)
        {
            for (int t = 0; t < neighbors[i].Length; t++)
            {
                int j = neighbors[i][t];
                double v = conditional[i][t];
                columns[next[i]] = j;
                values[next[i]++] = v;
                columns[next[j]] = i;
                values[next[j]++] = v;
            }
        }
        var rowStart = new int[n + 1];
        int write = 0;
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            Array.Sort(columns, values, start[i], start[i + 1] - start[i]);
            for (int t = start[i]; t < start[i + 1]; t++)
            {
                total += values[t];
                if (t > start[i] && columns[t] == columns[write - 1])
                {
                    values[write - 1] += values[t];
                }
                else
                {
                    columns[write] = columns[t];
                    values[write++] = values[t];
                }
            }
            rowStart[i + 1] = write;
        }
        total = Math.Max(total, double.Epsilon);
        for (int t = 0; t < write; t++)
        {
            values[t] /= total;
        }
        return new SparseRows(rowStart, columns[..write], values[..write]);
    }
}
