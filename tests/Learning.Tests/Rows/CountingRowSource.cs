namespace MusicClustering.Learning.Tests;

/// <summary>
/// Rows computed on demand (nothing stored), two Gaussian blobs by row parity; records how many rows each read asked
/// for, so a test can tell how much of the data was ever materialised at once.
/// </summary>
internal sealed class CountingRowSource(int rows, int columns) : IRowSource
{
    private long _rowsRead;
    private int _largestRead;

    public int Rows => rows;

    public int Columns => columns;

    public long RowsRead => Interlocked.Read(ref _rowsRead);

    public int LargestRead => Volatile.Read(ref _largestRead);

    public Task ReadAsync(RowRange range, Memory<float> destination, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _rowsRead, range.Count);
        var largest = _largestRead;
        while (range.Count > largest && Interlocked.CompareExchange(ref _largestRead, range.Count, largest) != largest)
        {
            largest = _largestRead;
        }

        var span = destination.Span;
        for (var r = 0; r < range.Count; r++)
        {
            var row = range.First + r;
            for (var c = 0; c < columns; c++)
            {
                span[(r * columns) + c] = Value(row, c);
            }
        }

        return Task.CompletedTask;
    }

    public float[] Materialise()
    {
        var data = new float[rows * columns];
        for (var row = 0; row < rows; row++)
        {
            for (var c = 0; c < columns; c++)
            {
                data[(row * columns) + c] = Value(row, c);
            }
        }

        return data;
    }

    /// <summary>A cheap deterministic hash noise around ±2 by row parity.</summary>
    private static float Value(int row, int column)
    {
        var h = unchecked((uint)((row * 73856093) ^ (column * 19349663)) * 2654435761u);
        var noise = ((h >> 8) / (float)(1 << 24)) - 0.5f;
        return ((row % 2 == 0 ? 2f : -2f) * (column % 3 == 0 ? 1 : 0.5f)) + noise;
    }
}
