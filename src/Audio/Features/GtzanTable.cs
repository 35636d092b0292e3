using System.Globalization;

namespace MusicClustering.Audio;

/// <summary>
/// The 57 feature columns of the GTZAN (Kaggle) <c>features_30_sec.csv</c>, in its order, from chroma_stft_mean to
/// mfcc20_var: means and population variances over frames (chroma over the whole 12-row matrix; rms of the waveform,
/// not of the spectrogram), harmony/perceptr from HPSS, and beat_track's tempo. With reflect padding they reproduce the table.
/// </summary>
public static class GtzanTable
{
    public static IReadOnlyList<string> Columns { get; } = BuildColumns();

    public static double[] Row(DescriptorSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var harmony = s.Harmony ?? throw new ArgumentException("The GTZAN table needs the HPSS statistics.", nameof(s));
        var perceptr = s.Perceptr!.Value;
        var row = new List<double>(57);
        void Add(FrameStatistics f)
        {
            row.Add(f.Mean);
            row.Add(f.Variance);
        }

        Add(s.ChromaOverall);
        Add(s.TimeRms ?? throw new ArgumentException("The GTZAN table needs rms(y) (DescriptorExtractor.Compute with gtzanTable).", nameof(s)));
        Add(s.Rows[DescriptorSet.Centroid][0]);
        Add(s.Rows[DescriptorSet.Bandwidth][0]);
        Add(s.Rows[DescriptorSet.Rolloff][0]);
        Add(s.Rows[DescriptorSet.ZeroCrossingRate][0]);
        Add(harmony);
        Add(perceptr);
        row.Add(s.BeatTempo ?? throw new ArgumentException("The GTZAN table needs beat_track's tempo (DescriptorExtractor.Compute with gtzanTable).", nameof(s)));
        foreach (var mfcc in s.Rows[DescriptorSet.Mfcc].Take(20))
        {
            Add(mfcc);
        }

        return [.. row];
    }

    private static List<string> BuildColumns()
    {
        var columns = new List<string>();
        foreach (var name in new[] { "chroma_stft", "rms", "spectral_centroid", "spectral_bandwidth", "rolloff", "zero_crossing_rate", "harmony", "perceptr" })
        {
            columns.Add($"{name}_mean");
            columns.Add($"{name}_var");
        }

        columns.Add("tempo");
        for (var i = 1; i <= 20; i++)
        {
            columns.Add(string.Create(CultureInfo.InvariantCulture, $"mfcc{i}_mean"));
            columns.Add(string.Create(CultureInfo.InvariantCulture, $"mfcc{i}_var"));
        }

        return columns;
    }
}
