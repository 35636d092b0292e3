namespace MusicClustering.Audio;

/// <summary>
/// One frame-wise descriptor, [row][frame] like librosa's output, with per-row statistics. Rows are separate arrays:
/// a 30 s segment's row is 10 KB, so analysing an hour segment by segment leaves only short-lived small garbage
/// instead of large-object-heap blocks.
/// </summary>
public sealed class DescriptorMatrix
{
    private readonly double[][] _rows;

    public DescriptorMatrix(string name, double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0 || rows.Any(r => r.Length != rows[0].Length))
        {
            throw new ArgumentException("A descriptor matrix needs at least one row, all of the same length.", nameof(rows));
        }

        Name = name;
        _rows = rows;
    }

    /// <summary>librosa's name: chroma_stft, spectral_contrast, …, onset_strength.</summary>
    public string Name { get; }

    public int Rows => _rows.Length;

    public int Frames => _rows[0].Length;

    public double this[int row, int frame] => _rows[row][frame];

    public ReadOnlySpan<double> Row(int row) => _rows[row];

    /// <summary>Per-row mean over frames.</summary>
    public double[] Means() => [.. _rows.Select(r => FrameStatistics.Of(r).Mean)];

    /// <summary>Per-row population variance (ddof 0), two-pass.</summary>
    public double[] Variances() => [.. _rows.Select(r => FrameStatistics.Of(r).Variance)];

    /// <summary>Mean and population variance over the whole matrix (the GTZAN table's chroma_stft columns).</summary>
    public FrameStatistics Overall() => _rows.Select(r => FrameStatistics.Of(r)).Aggregate((a, b) => a.Pool(b));

    public static DescriptorMatrix FromMfcc(string name, MfccMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new DescriptorMatrix(name, [.. Enumerable.Range(0, matrix.Coefficients).Select(c => Array.ConvertAll(matrix.Row(c).ToArray(), v => (double)v))]);
    }
}
