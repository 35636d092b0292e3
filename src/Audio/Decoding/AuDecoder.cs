using System.Buffers.Binary;

namespace MusicClustering.Audio;

/// <summary>Sun/NeXT .au reader (big-endian): µ-law, linear 8/16/24/32, float, double.</summary>
internal static class AuDecoder
{
    private const int HeaderSize = 24;

    public static bool IsAu(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[..4].SequenceEqual(".snd"u8);

    public static DecodedAudio Decode(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.Length < HeaderSize)
        {
            throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: {bytes.Length} bytes is shorter than the 24-byte .au header.");
        }

        var dataOffset = BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);
        var dataSize = BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]);
        var encodingCode = BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]);
        var sampleRate = BinaryPrimitives.ReadInt32BigEndian(bytes[16..]);
        var channels = BinaryPrimitives.ReadInt32BigEndian(bytes[20..]);

        if (dataOffset < HeaderSize || dataOffset > bytes.Length)
        {
            throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: .au data offset {dataOffset} lies outside the {bytes.Length}-byte file.");
        }

        if (channels <= 0 || sampleRate <= 0)
        {
            throw new AudioFormatException(AudioFailureReasons.UnsupportedFormat, $"{fileName}: invalid .au header ({channels} channels, {sampleRate} Hz).");
        }

        var encoding = encodingCode switch
        {
            1 => SampleEncoding.MuLaw,
            2 => SampleEncoding.SignedPcm8,
            3 => SampleEncoding.Pcm16,
            4 => SampleEncoding.Pcm24,
            5 => SampleEncoding.Pcm32,
            6 => SampleEncoding.Float32,
            7 => SampleEncoding.Float64,
            _ => throw new AudioFormatException(AudioFailureReasons.UnknownCodec, $"{fileName}: .au encoding {encodingCode} is not supported (1 µ-law, 2-5 linear PCM, 6 float, 7 double are)."),
        };

        var available = bytes.Length - (int)dataOffset;
        var length = dataSize == uint.MaxValue || dataSize > available ? available : (int)dataSize;
        var frameBytes = SampleCodec.BytesPerSample(encoding) * channels;
        var frames = length / frameBytes;
        if (frames == 0)
        {
            throw new AudioFormatException(AudioFailureReasons.EmptyData, $"{fileName}: .au data holds {length} bytes, less than one {frameBytes}-byte sample frame.");
        }

        var samples = SampleCodec.ToFloat(bytes.Slice((int)dataOffset, frames * frameBytes), encoding, bigEndian: true, fileName);
        return new DecodedAudio(sampleRate, channels, samples);
    }
}
