namespace MusicClustering.Audio;

/// <summary>Converts whole sample frames of a byte run to interleaved floats, skipping any padding in the frames.</summary>
internal static class SampleDecoding
{
    public static void Frames(ReadOnlySpan<byte> data, Span<float> output, SampleEncoding encoding, int channels, int blockAlign, bool bigEndian, string fileName, long firstSample)
    {
        var sampleBytes = SampleCodec.BytesPerSample(encoding);
        var packed = sampleBytes * channels;
        if (blockAlign == packed)
        {
            SampleCodec.Convert(data, output, encoding, bigEndian, fileName, firstSample);
            return;
        }

        // Rare: a block align larger than channels × sample size; convert each frame's packed samples.
        var frames = data.Length / blockAlign;
        for (var f = 0; f < frames; f++)
        {
            SampleCodec.Convert(data.Slice(f * blockAlign, packed), output.Slice(f * channels, channels), encoding, bigEndian, fileName, firstSample + (f * channels));
        }
    }
}
