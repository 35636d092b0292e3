namespace MusicClustering.Learning;

/// <summary>
/// Where a trainer reads its rows from (row-major float32, <see cref="Rows"/> × <see cref="Columns"/>), a range at a
/// time, so that a large training set never sits in memory whole. Reads may run concurrently; the trainer starts the
/// next window's reads before it trains on the current one, so a remote source overlaps I/O with training.
/// </summary>
public interface IRowSource
{
    int Rows { get; }

    int Columns { get; }

    /// <summary>Copies the rows of <paramref name="range"/> into <paramref name="destination"/> (range.Count × Columns values).</summary>
    Task ReadAsync(RowRange range, Memory<float> destination, CancellationToken cancellationToken);
}
