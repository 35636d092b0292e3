using System.Buffers.Binary;

namespace MusicClustering.Audio;

/// <summary>Writes RIFF/WAVE files; integer formats quantise x·2^(bits-1) with rounding and clipping.</summary>
public static class WavWriter
{
    private static readonly byte[] GuidTail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Writes a mono 16-bit PCM WAV.</summary>
    public static void WritePcm16(Stream s, ReadOnlySpan<float> mono, int sampleRate) =>
        Write(s, mono, 1, sampleRate, WavSampleFormat.Pcm16);

    /// <summary>Writes interleaved samples; <paramref name="extensible"/> selects WAVE_FORMAT_EXTENSIBLE.</summary>
    public static void Write(Stream s, ReadOnlySpan<float> interleaved, int channels, int sampleRate, WavSampleFormat format, bool extensible = false)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (interleaved.Length % channels != 0)
        {
            throw new ArgumentException($"{interleaved.Length} samples do not divide into {channels} channels.", nameof(interleaved));
        }

        var bytesPerSample = format switch
        {
            WavSampleFormat.Pcm8 => 1,
            WavSampleFormat.Pcm16 => 2,
            WavSampleFormat.Pcm24 => 3,
            WavSampleFormat.Pcm32 or WavSampleFormat.Float32 => 4,
            _ => 8,
        };
        var isFloat = format is WavSampleFormat.Float32 or WavSampleFormat.Float64;
        var tag = (ushort)(isFloat ? 3 : 1);
        var fmtSize = extensible ? 40 : 16;
        var dataSize = interleaved.Length * bytesPerSample;
        var blockAlign = channels * bytesPerSample;
        var header = new byte[12 + 8 + fmtSize + 8];
        var h = header.AsSpan();
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)(header.Length - 8 + dataSize + (dataSize & 1)));
        "WAVE"u8.CopyTo(h[8..]);
        "fmt "u8.CopyTo(h[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(h[16..], fmtSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h[20..], extensible ? (ushort)0xFFFE : tag);
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(h[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(h[28..], sampleRate * blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[34..], (ushort)(bytesPerSample * 8));
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h[36..], 22);
            BinaryPrimitives.WriteUInt16LittleEndian(h[38..], (ushort)(bytesPerSample * 8));
            BinaryPrimitives.WriteUInt32LittleEndian(h[40..], channels switch { 1 => 0x4u, 2 => 0x3u, _ => 0u });
            BinaryPrimitives.WriteUInt16LittleEndian(h[44..], tag);
            GuidTail.CopyTo(h[46..]);
        }

        "data"u8.CopyTo(h[(20 + fmtSize)..]);
        BinaryPrimitives.WriteInt32LittleEndian(h[(24 + fmtSize)..], dataSize);
        s.Write(header);

        var data = new byte[dataSize + (dataSize & 1)];
        for (var i = 0; i < interleaved.Length; i++)
        {
            Encode(data.AsSpan(i * bytesPerSample, bytesPerSample), interleaved[i], format);
        }

        s.Write(data);
    }

    private static void Encode(Span<byte> dst, float x, WavSampleFormat format)
    {
        switch (format)
        {
            case WavSampleFormat.Pcm8:
                dst[0] = (byte)(Quantise(x, 128, -128, 127) + 128);
                break;
            case WavSampleFormat.Pcm16:
                BinaryPrimitives.WriteInt16LittleEndian(dst, (short)Quantise(x, 32768, short.MinValue, short.MaxValue));
                break;
            case WavSampleFormat.Pcm24:
                var v = (int)Quantise(x, 8388608, -8388608, 8388607);
                dst[0] = (byte)v;
                dst[1] = (byte)(v >> 8);
                dst[2] = (byte)(v >> 16);
                break;
            case WavSampleFormat.Pcm32:
                BinaryPrimitives.WriteInt32LittleEndian(dst, (int)Quantise(x, 2147483648.0, int.MinValue, int.MaxValue));
                break;
            case WavSampleFormat.Float32:
                BinaryPrimitives.WriteSingleLittleEndian(dst, x);
                break;
            default:
                BinaryPrimitives.WriteDoubleLittleEndian(dst, x);
                break;
        }
    }

    private static long Quantise(float x, double scale, long min, long max) =>
        Math.Clamp((long)Math.Round(x * scale, MidpointRounding.ToEven), min, max);
}
