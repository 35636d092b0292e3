namespace MusicClustering.Audio;

/// <summary>Turns a track's (or segment's) descriptors into the fixed-length vector a <see cref="FeatureConfig"/> describes.</summary>
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
            FeatureKind.Frames => FirstFrames(m, cfg.FrameCount),
            FeatureKind.Stats or FeatureKind.StatsDelta => Vectorize(DescriptorSummary.FromMfcc(m, cfg.Kind == FeatureKind.StatsDelta ? Deltas.Compute(m) : null, 0), cfg),
            _ => throw new InvalidOperationException($"'{cfg}' features need the descriptors, not only the MFCC."),
        };
    }

    /// <summary>The vector of a (pooled) summary: every kind but frames:N and csv.</summary>
    public static float[] Vectorize(DescriptorSummary summary, FeatureConfig cfg)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(cfg);
        var values = new List<double>(cfg.Dimension());
        switch (cfg.Kind)
        {
            case FeatureKind.Stats:
                AddStats(values, summary.Rows[DescriptorSet.Mfcc]);
                break;
            case FeatureKind.StatsDelta:
                AddStats(values, summary.Rows[DescriptorSet.Mfcc]);
                AddStats(values, summary.Rows[DescriptorSet.MfccDelta]);
                break;
            case FeatureKind.Gtzan57:
                values.AddRange(GtzanTable.Row(summary));
                break;
            case FeatureKind.Descriptors:
                foreach (var name in DescriptorSet.Names)
                {
                    AddStats(values, summary.Rows[name]);
                }

                values.Add(summary.Tempo);
                var harmony = summary.Harmony!.Value;
                var perceptr = summary.Perceptr!.Value;
                values.AddRange([harmony.Mean, harmony.StdDev, perceptr.Mean, perceptr.StdDev]);
                break;
            default:
                throw new InvalidOperationException($"'{cfg}' vectors are not made from descriptor statistics.");
        }

        return [.. values.Select(v => (float)v)];
    }

    private static void AddStats(List<double> values, FrameStatistics[] rows)
    {
        values.AddRange(rows.Select(r => r.Mean));
        values.AddRange(rows.Select(r => r.StdDev));
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
