namespace MusicClustering.Learning;

/// <summary>Rows for work that needs them in memory (diagnostics), bounded however large the source is.</summary>
public static class RowSample
{
    /// <summary>
    /// Every row when the source holds at most <paramref name="maxFloats"/> values; otherwise whole chunks of
    /// <paramref name="chunkRows"/> rows spread evenly over the source, at most <paramref name="maxFloats"/> values in
    /// all. Blocks while the rows arrive (call on a worker thread).
    /// </summary>
    public static float[] Read(IRowSource source, long maxFloats, int chunkRows, CancellationToken cancellationToken)
    {
        var columns = source.Columns;
        IEnumerable<RowRange> ranges;
        if ((long)source.Rows * columns <= maxFloats)
        {
            ranges = [new RowRange(0, source.Rows)];
        }
        else
        {
            var chunks = (source.Rows + chunkRows - 1) / chunkRows;
            var taken = (int)Math.Clamp(maxFloats / ((long)chunkRows * columns), 1, chunks);
            ranges = Enumerable.Range(0, taken)
                .Select(i => (int)((long)i * chunks / taken) * chunkRows)
                .Select(first => new RowRange(first, Math.Min(chunkRows, source.Rows - first)));
        }

        var rows = ranges.ToArray();
        var data = new float[rows.Sum(r => r.Count) * columns];
        var offset = 0;
        foreach (var range in rows)
        {
            source.ReadAsync(range, data.AsMemory(offset, range.Count * columns), cancellationToken).GetAwaiter().GetResult();
            offset += range.Count * columns;
        }

        return data;
    }
}
