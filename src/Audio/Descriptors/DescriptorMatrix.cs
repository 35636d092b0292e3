namespace MusicClustering.Audio;

/// <summary>One frame-wise descriptor, row-major [row, frame] like librosa's output, with per-row statistics.</summary>
public sealed class DescriptorMatrix
{
    public DescriptorMatrix(string name, int rows, int frames, double[] values)
    {
        if (values.Length != rows * frames)
        {
            throw new ArgumentException($"Expected {rows} × {frames} values, got {values.Length}.", nameof(values));
        }

        Name = name;
        Rows = rows;
        Frames = frames;
        Values = values;
    }

    /// <summary>librosa's name: chroma_stft, spectral_contrast, …, onset_strength.</summary>
    public string Name { get; }

    public int Rows { get; }

    public int Frames { get; }

    /// <summary>Row-major values: Values[row * Frames + frame].</summary>
    public double[] Values { get; }

    public double this[int row, int frame] => Values[(row * Frames) + frame];

    public ReadOnlySpan<double> Row(int row) => Values.AsSpan(row * Frames, Frames);

    /// <summary>Per-row mean over frames.</summary>
    public double[] Means() => [.. Enumerable.Range(0, Rows).Select(r => FrameStatistics.Of(Row(r)).Mean)];

    /// <summary>Per-row population variance (ddof 0), two-pass.</summary>
    public double[] Variances() => [.. Enumerable.Range(0, Rows).Select(r => FrameStatistics.Of(Row(r)).Variance)];

    /// <summary>Mean and population variance over the whole matrix (the GTZAN table's chroma_stft columns).</summary>
    public FrameStatistics Overall() => FrameStatistics.Of(Values);

    public static DescriptorMatrix FromMfcc(string name, MfccMatrix matrix) =>
        new(name, matrix.Coefficients, matrix.Frames, Array.ConvertAll(matrix.Values, v => (double)v));
}
