using System.Buffers.Binary;

namespace MusicClustering.Audio.Tests;

/// <summary>Hand-built WAV and .au byte arrays for decoder tests.</summary>
internal static class ByteBuilders
{
    public static byte[] Wav(ushort tag, int channels, int sampleRate, int bits, byte[] data, byte[]? extraChunk = null, uint? dataSizeField = null)
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("RIFF"u8);
        w.Write(0u); // patched below
        w.Write("WAVE"u8);
        w.Write("fmt "u8);
        w.Write(16);
        w.Write(tag);
        w.Write((ushort)channels);
        w.Write(sampleRate);
        w.Write(sampleRate * channels * bits / 8);
        w.Write((ushort)(channels * bits / 8));
        w.Write((ushort)bits);
        if (extraChunk is not null)
        {
            w.Write(extraChunk);
        }

        w.Write("data"u8);
        w.Write(dataSizeField ?? (uint)data.Length);
        w.Write(data);
        w.Flush();
        var bytes = ms.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    /// <summary>A chunk with an odd payload plus its RIFF pad byte.</summary>
    public static byte[] OddChunk(string id, int size)
    {
        var chunk = new byte[8 + size + (size & 1)];
        System.Text.Encoding.ASCII.GetBytes(id).CopyTo(chunk, 0);
        BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(4), size);
        for (var i = 0; i < size; i++)
        {
            chunk[8 + i] = (byte)('a' + (i % 26));
        }

        return chunk;
    }

    public static byte[] Au(uint encoding, int channels, int sampleRate, byte[] data, uint? dataSize = null, int headerSize = 24)
    {
        var bytes = new byte[headerSize + data.Length];
        ".snd"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), (uint)headerSize);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), dataSize ?? (uint)data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(12), encoding);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), sampleRate);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), channels);
        data.CopyTo(bytes, headerSize);
        return bytes;
    }

    public static byte[] WavFromWriter(float[] interleaved, int channels, int sampleRate, WavSampleFormat format, bool extensible = false)
    {
        using var ms = new MemoryStream();
        WavWriter.Write(ms, interleaved, channels, sampleRate, format, extensible);
        return ms.ToArray();
    }
}
