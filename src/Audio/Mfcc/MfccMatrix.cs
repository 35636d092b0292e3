namespace MusicClustering.Audio;

/// <summary>An MFCC matrix, row-major [coefficient, frame] like librosa's output.</summary>
public sealed class MfccMatrix
{
    public MfccMatrix(int coefficients, int frames, float[] values)
    {
        if (values.Length != coefficients * frames)
        {
            throw new ArgumentException($"Expected {coefficients} × {frames} values, got {values.Length}.", nameof(values));
        }

        Coefficients = coefficients;
        Frames = frames;
        Values = values;
    }

    public int Coefficients { get; }

    public int Frames { get; }

    /// <summary>Row-major values: Values[c * Frames + t].</summary>
    public float[] Values { get; }

    public float this[int coefficient, int frame] => Values[(coefficient * Frames) + frame];

    public ReadOnlySpan<float> Row(int coefficient) => Values.AsSpan(coefficient * Frames, Frames);

    /// <summary>Per-coefficient mean over frames, accumulated in double.</summary>
    public double[] Means()
    {
        var result = new double[Coefficients];
        for (var c = 0; c < Coefficients; c++)
        {
            double sum = 0;
            foreach (var v in Row(c))
            {
                sum += v;
            }

            result[c] = Frames == 0 ? 0 : sum / Frames;
        }

        return result;
    }

    /// <summary>Per-coefficient population variance (ddof 0), two-pass.</summary>
    public double[] Variances()
    {
        var means = Means();
        var result = new double[Coefficients];
        for (var c = 0; c < Coefficients; c++)
        {
            double sum = 0;
            foreach (var v in Row(c))
            {
                var d = v - means[c];
                sum += d * d;
            }

            result[c] = Frames == 0 ? 0 : sum / Frames;
        }

        return result;
    }

    /// <summary>Per-coefficient population standard deviation (ddof 0).</summary>
    public double[] StdDevs() => Array.ConvertAll(Variances(), Math.Sqrt);
}
