using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MusicClustering.Storage;

/// <summary>
/// Binary layout of a float matrix blob: ASCII "F32M", int32 rows, int32 cols (little-endian), then
/// rows*cols float32 values, little-endian, row-major.
/// </summary>
public static class MatrixCodec
{
    /// <summary>Size of the header in bytes.</summary>
    public const int HeaderSize = 12;

    private static readonly byte[] Magic = "F32M"u8.ToArray();

    /// <summary>Encodes a row-major matrix.</summary>
    public static byte[] Encode(ReadOnlySpan<float> data, int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if ((long)rows * cols != data.Length)
        {
            throw new ArgumentException($"Matrix of {rows}x{cols} needs {(long)rows * cols} values, got {data.Length}.", nameof(data));
        }

        var bytes = new byte[HeaderSize + ((long)data.Length * sizeof(float))];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), rows);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), cols);
        var body = bytes.AsSpan(HeaderSize);
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(data).CopyTo(body);
        }
        else
        {
            for (var i = 0; i < data.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(body[(i * sizeof(float))..], data[i]);
            }
        }

        return bytes;
    }

    /// <summary>Decodes a matrix written by <see cref="Encode"/>; throws <see cref="InvalidDataException"/> on any mismatch.</summary>
    public static (float[] Data, int Rows, int Cols) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize || !bytes[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a float matrix blob (missing F32M header).");
        }

        var rows = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        var cols = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        var body = bytes[HeaderSize..];
        if (rows < 0 || cols < 0 || (long)rows * cols * sizeof(float) != body.Length)
        {
            throw new InvalidDataException($"Float matrix header says {rows}x{cols} but the body has {body.Length} bytes.");
        }

        var data = new float[rows * cols];
        if (BitConverter.IsLittleEndian)
        {
            body.CopyTo(MemoryMarshal.AsBytes(data.AsSpan()));
        }
        else
        {
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = BinaryPrimitives.ReadSingleLittleEndian(body[(i * sizeof(float))..]);
            }
        }

        return (data, rows, cols);
    }
}
