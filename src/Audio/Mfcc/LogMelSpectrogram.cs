namespace MusicClustering.Audio;

/// <summary>A log-mel spectrogram in dB, row-major [band, frame] like librosa's <c>power_to_db(melspectrogram(y))</c>.</summary>
public sealed class LogMelSpectrogram
{
    public LogMelSpectrogram(int bands, int frames, float[] values)
    {
        if (values.Length != bands * frames)
        {
            throw new ArgumentException($"Expected {bands} × {frames} values, got {values.Length}.", nameof(values));
        }

        Bands = bands;
        Frames = frames;
        Values = values;
    }

    public int Bands { get; }

    public int Frames { get; }

    /// <summary>Row-major values: Values[band * Frames + frame].</summary>
    public float[] Values { get; }

    public float this[int band, int frame] => Values[(band * Frames) + frame];

    public ReadOnlySpan<float> Row(int band) => Values.AsSpan(band * Frames, Frames);
}
