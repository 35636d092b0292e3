namespace MusicClustering.Audio;

/// <summary>Turns an MFCC matrix into the fixed-length vector a <see cref="FeatureConfig"/> describes.</summary>
public static class TrackVectorizer
{
    /// <summary>
    /// stats: [mean_0..mean_{n-1}, std_0..std_{n-1}] (population std); stats+delta: those, then the same for the
    /// deltas; frames:N: numpy <c>mfcc[:, :N].flatten()</c> with missing frames zero.
    /// </summary>
    public static float[] Vectorize(MfccMatrix m, FeatureConfig cfg)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(cfg);
        return cfg.Kind switch
        {
            FeatureKind.Stats => Stats(m),
            FeatureKind.StatsDelta => [.. Stats(m), .. Stats(Deltas.Compute(m))],
            FeatureKind.Frames => FirstFrames(m, cfg.FrameCount),
            _ => throw new InvalidOperationException("'csv' features are imported from a table, not computed from audio."),
        };
    }

    private static float[] Stats(MfccMatrix m)
    {
        var means = m.Means();
        var stds = m.StdDevs();
        var result = new float[2 * m.Coefficients];
        for (var c = 0; c < m.Coefficients; c++)
        {
            result[c] = (float)means[c];
            result[m.Coefficients + c] = (float)stds[c];
        }

        return result;
    }

    private static float[] FirstFrames(MfccMatrix m, int count)
    {
        var result = new float[m.Coefficients * count];
        var copy = Math.Min(count, m.Frames);
        for (var c = 0; c < m.Coefficients; c++)
        {
            m.Row(c)[..copy].CopyTo(result.AsSpan(c * count, copy));
        }

        return result;
    }
}
