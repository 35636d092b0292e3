namespace MusicClustering.Audio;

/// <summary>
/// The statistics a feature vector is made of, for one segment or pooled over several: per descriptor and row the
/// frame count, mean and variance; the whole chroma matrix and rms(y) (the GTZAN table's columns); the tempo
/// and beat_track's tempo (frame-weighted over segments); and the harmonic/percussive signal statistics. Pooling is exact for means and
/// variances (law of total variance), so a track's summary equals that of all its frames.
/// </summary>
public sealed record DescriptorSummary(
    IReadOnlyDictionary<string, FrameStatistics[]> Rows,
    FrameStatistics ChromaOverall,
    FrameStatistics? TimeRms,
    double Tempo,
    double? BeatTempo,
    FrameStatistics? Harmony,
    FrameStatistics? Perceptr,
    double Seconds)
{
    public long Frames => Rows.Values.FirstOrDefault() is { Length: > 0 } first ? first[0].Count : 0;

    public static DescriptorSummary From(DescriptorSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var rows = set.Matrices.ToDictionary(
            m => m.Name,
            m => Enumerable.Range(0, m.Rows).Select(r => FrameStatistics.Of(m.Row(r))).ToArray(),
            StringComparer.Ordinal);
        return new DescriptorSummary(
            rows, set[DescriptorSet.Chroma].Overall(), set.TimeRms is { } rms ? FrameStatistics.Of(rms) : null, set.Tempo, set.BeatTempo, set.Harmony, set.Perceptr, set.Seconds);
    }

    /// <summary>Only the MFCC rows (and their deltas), for the MFCC-statistics configs.</summary>
    public static DescriptorSummary FromMfcc(MfccMatrix mfcc, MfccMatrix? delta, double seconds)
    {
        ArgumentNullException.ThrowIfNull(mfcc);
        var rows = new Dictionary<string, FrameStatistics[]>(StringComparer.Ordinal) { [DescriptorSet.Mfcc] = Statistics(mfcc) };
        if (delta is not null)
        {
            rows[DescriptorSet.MfccDelta] = Statistics(delta);
        }

        return new DescriptorSummary(rows, default, default, 0, null, null, null, seconds);
    }

    public DescriptorSummary Pool(DescriptorSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var rows = Rows.ToDictionary(
            p => p.Key,
            p => p.Value.Zip(other.Rows[p.Key], (a, b) => a.Pool(b)).ToArray(),
            StringComparer.Ordinal);
        var frames = Frames + other.Frames;
        double Weighted(double a, double b) => frames == 0 ? 0 : ((a * Frames) + (b * other.Frames)) / frames;
        return new DescriptorSummary(
            rows,
            ChromaOverall.Pool(other.ChromaOverall),
            TimeRms is { } a && other.TimeRms is { } b ? a.Pool(b) : null,
            Weighted(Tempo, other.Tempo),
            BeatTempo is { } beat && other.BeatTempo is { } otherBeat ? Weighted(beat, otherBeat) : null,
            Harmony is { } h && other.Harmony is { } oh ? h.Pool(oh) : null,
            Perceptr is { } p && other.Perceptr is { } op ? p.Pool(op) : null,
            Seconds + other.Seconds);
    }

    private static FrameStatistics[] Statistics(MfccMatrix m)
    {
        var result = new FrameStatistics[m.Coefficients];
        var row = new double[m.Frames];
        for (var c = 0; c < m.Coefficients; c++)
        {
            var source = m.Row(c);
            for (var t = 0; t < row.Length; t++)
            {
                row[t] = source[t];
            }

            result[c] = FrameStatistics.Of(row);
        }

        return result;
    }
}
