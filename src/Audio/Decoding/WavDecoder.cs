using System.Buffers.Binary;

namespace MusicClustering.Audio;

/// <summary>RIFF/WAVE reader: PCM 8/16/24/32, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE, any channel count.</summary>
internal static class WavDecoder
{
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    public static bool IsWav(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WAVE"u8);

    public static DecodedAudio Decode(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.Length < 12)
        {
            throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: {bytes.Length} bytes is shorter than the 12-byte RIFF/WAVE header.");
        }

        WavFormat? format = null;
        var position = 12;
        while (true)
        {
            if (position + 8 > bytes.Length)
            {
                var what = format is null ? "'fmt ' chunk" : "'data' chunk";
                throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: the file ends at byte {bytes.Length} before the {what} was found.");
            }

            var id = bytes.Slice(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(position + 4, 4));
            var bodyStart = position + 8;
            var available = bytes.Length - bodyStart;

            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || available < 16)
                {
                    throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: 'fmt ' chunk has {Math.Min(size, (uint)available)} bytes, at least 16 are required.");
                }

                format = ParseFormat(bytes.Slice(bodyStart, (int)Math.Min(size, (uint)available)), fileName);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format is null)
                {
                    throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: 'data' chunk at byte {position} precedes the 'fmt ' chunk.");
                }

                // Streaming writers leave 0 or 0xFFFFFFFF here; a size beyond EOF means "up to EOF".
                var length = size == 0 || size > available ? available : (int)size;
                return ReadData(bytes.Slice(bodyStart, length), format, fileName);
            }

            // Unknown chunk (LIST, fact, bext, ...): skip it, honouring the RIFF pad byte after odd sizes.
            var next = bodyStart + (long)size + (size & 1);
            if (next > bytes.Length)
            {
                throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: chunk '{Ascii(id)}' at byte {position} claims {size} bytes but the file ends first; no 'data' chunk found.");
            }

            position = (int)next;
        }
    }

    private static WavFormat ParseFormat(ReadOnlySpan<byte> fmt, string fileName)
    {
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);

        if (tag == FormatExtensible)
        {
            if (fmt.Length < 40)
            {
                throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk has {fmt.Length} bytes, 40 are required.");
            }

            // The sub-format GUID starts with the classic format tag (xxxxxxxx-0000-0010-8000-00aa00389b71).
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        if (channels == 0 || sampleRate <= 0)
        {
            throw new AudioFormatException(AudioFailureReasons.UnsupportedFormat, $"{fileName}: invalid WAV header ({channels} channels, {sampleRate} Hz).");
        }

        SampleEncoding encoding = (tag, bits) switch
        {
            (FormatPcm, 8) => SampleEncoding.UnsignedPcm8,
            (FormatPcm, 16) => SampleEncoding.Pcm16,
            (FormatPcm, 24) => SampleEncoding.Pcm24,
            (FormatPcm, 32) => SampleEncoding.Pcm32,
            (FormatFloat, 32) => SampleEncoding.Float32,
            (FormatFloat, 64) => SampleEncoding.Float64,
            (FormatPcm or FormatFloat, _) => throw new AudioFormatException(AudioFailureReasons.UnsupportedFormat, $"{fileName}: {bits}-bit {(tag == FormatPcm ? "PCM" : "float")} WAV is not supported (PCM 8/16/24/32, float 32/64 are)."),
            _ => throw new AudioFormatException(AudioFailureReasons.UnknownCodec, $"{fileName}: WAV codec 0x{tag:X4} is not supported (only PCM 0x0001 and IEEE float 0x0003, plain or extensible)."),
        };

        var bytesPerFrame = SampleCodec.BytesPerSample(encoding) * channels;
        return new WavFormat(encoding, channels, sampleRate, Math.Max((int)blockAlign, bytesPerFrame));
    }

    private static DecodedAudio ReadData(ReadOnlySpan<byte> data, WavFormat format, string fileName)
    {
        var frames = data.Length / format.BlockAlign;
        if (frames == 0)
        {
            throw new AudioFormatException(AudioFailureReasons.EmptyData, $"{fileName}: the 'data' chunk holds {data.Length} bytes, less than one {format.BlockAlign}-byte sample frame.");
        }

        var sampleBytes = SampleCodec.BytesPerSample(format.Encoding);
        var packed = format.BlockAlign == sampleBytes * format.Channels;
        var samples = packed
            ? SampleCodec.ToFloat(data[..(frames * format.BlockAlign)], format.Encoding, bigEndian: false, fileName)
            : ReadPadded(data, frames, format, sampleBytes, fileName);
        return new DecodedAudio(format.SampleRate, format.Channels, samples);
    }

    // Rare: a block align larger than channels × sample size; copy each frame's packed samples, skip the padding.
    private static float[] ReadPadded(ReadOnlySpan<byte> data, int frames, WavFormat format, int sampleBytes, string fileName)
    {
        var packed = new byte[frames * format.Channels * sampleBytes];
        for (var f = 0; f < frames; f++)
        {
            data.Slice(f * format.BlockAlign, format.Channels * sampleBytes).CopyTo(packed.AsSpan(f * format.Channels * sampleBytes));
        }

        return SampleCodec.ToFloat(packed, format.Encoding, bigEndian: false, fileName);
    }

    private static string Ascii(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[id.Length];
        for (var i = 0; i < id.Length; i++)
        {
            chars[i] = id[i] is >= 32 and < 127 ? (char)id[i] : '?';
        }

        return new string(chars);
    }

    private sealed record WavFormat(SampleEncoding Encoding, int Channels, int SampleRate, int BlockAlign);
}
