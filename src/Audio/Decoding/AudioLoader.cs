namespace MusicClustering.Audio;

/// <summary>librosa.load equivalent: decode, average channels to mono, resample to the target rate.</summary>
public static class AudioLoader
{
    /// <summary>
    /// Decodes <paramref name="bytes"/>, downmixes by averaging channels and resamples to <paramref name="targetSampleRate"/>.
    /// Throws <see cref="AudioFormatException"/> (reason too_long) above <paramref name="maxSeconds"/> and
    /// (reason too_short) when fewer than <paramref name="minSamples"/> samples remain (default: one 2048-sample frame).
    /// </summary>
    public static float[] LoadMono(ReadOnlySpan<byte> bytes, string fileName, int targetSampleRate = 22050, double? maxSeconds = null, int minSamples = 2048)
    {
        var decoded = AudioDecoder.Decode(bytes, fileName, targetSampleRate);
        if (maxSeconds is { } limit && decoded.DurationSeconds > limit)
        {
            throw new AudioFormatException(AudioFailureReasons.TooLong, $"{fileName}: {decoded.DurationSeconds:0.###} s exceeds the {limit:0.###} s limit.");
        }

        var mono = Downmix(decoded);
        // Audio already at the target rate is used as decoded, without the resampler's copy.
        var result = decoded.SampleRate == targetSampleRate ? mono : Resampler.Resample(mono, decoded.SampleRate, targetSampleRate);
        if (result.Length < minSamples)
        {
            throw new AudioFormatException(AudioFailureReasons.TooShort, $"{fileName}: {result.Length} samples at {targetSampleRate} Hz is shorter than one analysis frame ({minSamples} samples).");
        }

        return result;
    }

    /// <summary>Reads <paramref name="path"/> and calls <see cref="LoadMono(ReadOnlySpan{byte}, string, int, double?, int)"/>.</summary>
    public static float[] LoadMonoFile(string path, int targetSampleRate = 22050, double? maxSeconds = null, int minSamples = 2048) =>
        LoadMono(File.ReadAllBytes(path), Path.GetFileName(path), targetSampleRate, maxSeconds, minSamples);

    /// <summary>Averages interleaved channels (librosa.to_mono); returns the samples themselves for mono.</summary>
    public static float[] Downmix(DecodedAudio audio)
    {
        if (audio.Channels == 1)
        {
            return audio.Samples;
        }

        var frames = audio.Frames;
        var mono = new float[frames];
        var channels = audio.Channels;
        for (var f = 0; f < frames; f++)
        {
            float sum = 0;
            for (var c = 0; c < channels; c++)
            {
                sum += audio.Samples[(f * channels) + c];
            }

            mono[f] = sum / channels;
        }

        return mono;
    }
}
