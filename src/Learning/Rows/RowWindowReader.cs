namespace MusicClustering.Learning;

/// <summary>
/// Reads windows from a source into two reused buffers, the next window's reads running while the caller works on the
/// current one, and standardises each window in place. Memory is two windows, whatever the source's size.
/// </summary>
internal static class RowWindowReader
{
    /// <summary>
    /// Yields each window with its standardised rows (window.Rows × Columns values at the start of the buffer). A
    /// buffer is valid until the next item is requested; call on the training thread (it blocks while data arrives).
    /// </summary>
    public static IEnumerable<(RowWindow Window, float[] Values)> Read(
        IRowSource source, IEnumerable<RowWindow> windows, int maxWindowRows, FeatureScaler scaler, CancellationToken cancellationToken)
    {
        var buffers = new[] { new float[maxWindowRows * source.Columns], new float[maxWindowRows * source.Columns] };
        using var pending = windows.GetEnumerator();
        var window = pending.MoveNext() ? pending.Current : null;
        var load = window is null ? null : Load(source, window, buffers[0], cancellationToken);
        for (var index = 0; window is not null; index++)
        {
            load!.GetAwaiter().GetResult();
            var current = window;
            window = pending.MoveNext() ? pending.Current : null;
            load = window is null ? null : Load(source, window, buffers[(index + 1) % 2], cancellationToken);
            var values = buffers[index % 2];
            Standardize(values.AsSpan(0, current.Rows * source.Columns), scaler);
            yield return (current, values);
        }
    }

    private static Task Load(IRowSource source, RowWindow window, float[] buffer, CancellationToken cancellationToken)
    {
        if (window.Rows * source.Columns > buffer.Length)
        {
            throw new ArgumentException($"A window of {window.Rows} rows exceeds the buffer.");
        }

        var reads = new Task[window.Ranges.Length];
        var offset = 0;
        for (var i = 0; i < reads.Length; i++)
        {
            var range = window.Ranges[i];
            reads[i] = source.ReadAsync(range, buffer.AsMemory(offset, range.Count * source.Columns), cancellationToken);
            offset += range.Count * source.Columns;
        }

        return Task.WhenAll(reads);
    }

    private static void Standardize(Span<float> values, FeatureScaler scaler)
    {
        var columns = scaler.Columns;
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException("Data contains NaN or infinite values.");
            }

            var c = i % columns;
            values[i] = (values[i] - scaler.Mean[c]) / scaler.Scale[c];
        }
    }
}
