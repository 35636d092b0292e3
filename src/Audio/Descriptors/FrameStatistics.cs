namespace MusicClustering.Audio;

/// <summary>Count, mean and population variance of a series; combinable, so segment statistics pool exactly.</summary>
public readonly record struct FrameStatistics(long Count, double Mean, double Variance)
{
    public double StdDev => Math.Sqrt(Variance);

    /// <summary>Two-pass mean and variance (as numpy's mean and var).</summary>
    public static FrameStatistics Of(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return default;
        }

        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / values.Length;
        double squares = 0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return new FrameStatistics(values.Length, mean, squares / values.Length);
    }

    /// <summary>The statistics of both series together (law of total variance).</summary>
    public FrameStatistics Pool(FrameStatistics other)
    {
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        var n = Count + other.Count;
        var mean = Mean + ((other.Mean - Mean) * other.Count / n);
        var variance = ((Count * (Variance + ((Mean - mean) * (Mean - mean)))) + (other.Count * (other.Variance + ((other.Mean - mean) * (other.Mean - mean))))) / n;
        return new FrameStatistics(n, mean, variance);
    }
}
