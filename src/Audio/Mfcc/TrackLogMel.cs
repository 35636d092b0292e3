namespace MusicClustering.Audio;

/// <summary>
/// The log-mel spectrogram the patch models learn from (<see cref="MfccExtractor.ComputeLogMel"/>, default options:
/// 22.05 kHz, 128 bands, hop 512) of a track's first <see cref="MaxSeconds"/> seconds, decoded as it streams.
/// The cap bounds memory: ten minutes are 25,840 frames, 13 MB of float32.
/// </summary>
public static class TrackLogMel
{
    public const double MaxSeconds = 600;

    private static readonly MfccExtractor Extractor = new(new MfccOptions());

    public static int Bands => Extractor.Options.NMels;

    public static LogMelSpectrogram Compute(Stream audio, string fileName, CancellationToken cancellationToken = default)
    {
        var rate = Extractor.Options.SampleRate;
        var maxSamples = (int)(MaxSeconds * rate);
        using var reader = AudioReader.Open(audio, fileName, rate);
        using var mono = new MonoSignalReader(reader, rate);
        var samples = new SampleQueue();
        var chunk = new float[1 << 16];
        int n;
        while (samples.Count < maxSamples && (n = mono.Read(chunk.AsSpan(0, Math.Min(chunk.Length, maxSamples - samples.Count)))) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            samples.AddRange(chunk.AsSpan(0, n));
        }

        var signal = new float[samples.Count];
        var read = samples.Take(signal);
        if (read < Extractor.Options.NFft)
        {
            throw new AudioFormatException(
                AudioFailureReasons.TooShort, $"{fileName}: {read} samples at {rate} Hz is shorter than one analysis frame ({Extractor.Options.NFft} samples).");
        }

        return Extractor.ComputeLogMel(signal);
    }
}
