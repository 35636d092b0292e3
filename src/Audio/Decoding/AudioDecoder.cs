namespace MusicClustering.Audio;

/// <summary>
/// Decodes a whole file held in memory (tests, small clips), through the same readers that stream long files; the
/// container is detected by magic bytes first and file extension second.
/// </summary>
public static class AudioDecoder
{
    /// <summary>Sample rate requested from ffmpeg for compressed formats when the caller names none.</summary>
    public const int DefaultCompressedSampleRate = 22050;

    /// <summary>Decodes WAV and .au natively (native rate and channels); compressed formats via ffmpeg as mono at 22050 Hz.</summary>
    public static DecodedAudio Decode(ReadOnlySpan<byte> bytes, string fileName) =>
        Decode(bytes, fileName, DefaultCompressedSampleRate);

    /// <summary>As <see cref="Decode(ReadOnlySpan{byte}, string)"/>, asking ffmpeg for mono at <paramref name="compressedSampleRate"/>.</summary>
    public static DecodedAudio Decode(ReadOnlySpan<byte> bytes, string fileName, int compressedSampleRate)
    {
        using var reader = AudioReader.Open(new MemoryStream(bytes.ToArray(), writable: false), fileName, compressedSampleRate);
        return ReadAll(reader);
    }

    /// <summary>Every remaining sample of <paramref name="reader"/>, interleaved.</summary>
    public static DecodedAudio ReadAll(AudioReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var chunk = new float[(1 << 14) * reader.Channels];
        var samples = new List<float>();
        int frames;
        while ((frames = reader.Read(chunk)) > 0)
        {
            samples.AddRange(chunk.AsSpan(0, frames * reader.Channels));
        }

        return new DecodedAudio(reader.SampleRate, reader.Channels, [.. samples]) { Truncation = reader.Truncation };
    }
}
