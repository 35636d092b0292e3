namespace MusicClustering.Analysis;

/// <summary>Compressed sparse rows: row i holds ColumnIndices/Values[RowPointers[i]..RowPointers[i+1]), columns ascending.</summary>
public sealed class SparseMatrix
{
    public SparseMatrix(int rows, int cols, int[] rowPointers, int[] columnIndices, double[] values)
    {
        Rows = rows;
        Cols = cols;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
        Values = values;
    }

    public int Rows { get; }
    public int Cols { get; }
    public int[] RowPointers { get; }
    public int[] ColumnIndices { get; }
    public double[] Values { get; }

    public ReadOnlySpan<int> RowIndices(int row) => ColumnIndices.AsSpan(RowPointers[row], RowPointers[row + 1] - RowPointers[row]);
    public ReadOnlySpan<double> RowValues(int row) => Values.AsSpan(RowPointers[row], RowPointers[row + 1] - RowPointers[row]);

    public double this[int row, int col]
    {
        get
        {
            int at = RowIndices(row).BinarySearch(col);
            return at >= 0 ? Values[RowPointers[row] + at] : 0.0;
        }
    }

    public double[][] ToDense()
    {
        var dense = new double[Rows][];
        for (int r = 0; r < Rows; r++)
        {
            dense[r] = new double[Cols];
            for (int k = RowPointers[r]; k < RowPointers[r + 1]; k++)
            {
                dense[r][ColumnIndices[k]] = Values[k];
            }
        }
        return dense;
    }
}
