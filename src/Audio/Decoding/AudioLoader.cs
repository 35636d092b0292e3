namespace MusicClustering.Audio;

/// <summary>librosa.load equivalent for whole clips: decode, average channels to mono, resample to the target rate.</summary>
public static class AudioLoader
{
    /// <summary>
    /// Decodes <paramref name="bytes"/>, downmixes by averaging channels and resamples to <paramref name="targetSampleRate"/>.
    /// Throws <see cref="AudioFormatException"/> (reason too_long) when the header declares, or decoding reaches, more
    /// than <paramref name="maxSeconds"/>, and (reason too_short) when fewer than <paramref name="minSamples"/> samples
    /// remain (default: one 2048-sample frame).
    /// </summary>
    public static float[] LoadMono(ReadOnlySpan<byte> bytes, string fileName, int targetSampleRate = 22050, double? maxSeconds = null, int minSamples = 2048)
    {
        using var reader = AudioReader.Open(new MemoryStream(bytes.ToArray(), writable: false), fileName, targetSampleRate);
        return Load(reader, targetSampleRate, maxSeconds, minSamples);
    }

    /// <summary>As <see cref="LoadMono(ReadOnlySpan{byte}, string, int, double?, int)"/>, reading the file as it decodes.</summary>
    public static float[] LoadMonoFile(string path, int targetSampleRate = 22050, double? maxSeconds = null, int minSamples = 2048)
    {
        using var reader = AudioReader.OpenFile(path, targetSampleRate);
        return Load(reader, targetSampleRate, maxSeconds, minSamples);
    }

    /// <summary>Averages interleaved channels (librosa.to_mono); returns the samples themselves for mono.</summary>
    public static float[] Downmix(DecodedAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
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

    private static float[] Load(AudioReader reader, int targetSampleRate, double? maxSeconds, int minSamples)
    {
        DurationLimit.CheckDeclared(reader, maxSeconds);
        using var mono = new MonoSignalReader(reader, targetSampleRate);
        var samples = new SampleQueue();
        var chunk = new float[1 << 16];
        int n;
        while ((n = mono.Read(chunk)) > 0)
        {
            samples.AddRange(chunk.AsSpan(0, n));
            DurationLimit.CheckDecoded(reader, maxSeconds);
        }

        var result = new float[samples.Count];
        samples.Take(result);
        if (result.Length < minSamples)
        {
            throw new AudioFormatException(AudioFailureReasons.TooShort, $"{reader.FileName}: {result.Length} samples at {targetSampleRate} Hz is shorter than one analysis frame ({minSamples} samples).");
        }

        return result;
    }
}
