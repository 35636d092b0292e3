namespace MusicClustering.Learning;

/// <summary>Rows held in a row-major array (tests, evaluations, small collections).</summary>
public sealed class InMemoryRowSource : IRowSource
{
    private readonly float[] _data;

    public InMemoryRowSource(float[] data, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (rows <= 0 || columns <= 0 || data.Length != (long)rows * columns)
        {
            throw new ArgumentException($"Data holds {data.Length} values, expected Rows {rows} × Columns {columns}.");
        }

        if (data.Any(v => !float.IsFinite(v)))
        {
            throw new ArgumentException("Data contains NaN or infinite values.");
        }

        _data = data;
        Rows = rows;
        Columns = columns;
    }

    public int Rows { get; }

    public int Columns { get; }

    public Task ReadAsync(RowRange range, Memory<float> destination, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _data.AsSpan(range.First * Columns, range.Count * Columns).CopyTo(destination.Span);
        return Task.CompletedTask;
    }
}
