namespace MusicClustering.Audio;

/// <summary>Decoded PCM as float in [-1, 1), interleaved by channel, scaled like soundfile/librosa.</summary>
public sealed record DecodedAudio(int SampleRate, int Channels, float[] Samples)
{
    /// <summary>Number of sample frames (samples per channel).</summary>
    public int Frames => Channels == 0 ? 0 : Samples.Length / Channels;

    /// <summary>Duration in seconds.</summary>
    public double DurationSeconds => SampleRate == 0 ? 0 : (double)Frames / SampleRate;

    /// <summary>Set when the data ended before the duration the header declares (see <see cref="AudioReader.Truncation"/>).</summary>
    public string? Truncation { get; init; }
}
