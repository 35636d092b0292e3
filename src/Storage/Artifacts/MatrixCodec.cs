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
        EncodeHeader(rows, cols).CopyTo(bytes, 0);
        EncodeValues(data, bytes.AsSpan(HeaderSize));
        return bytes;
    }

    /// <summary>Decodes a matrix written by <see cref="Encode"/>; throws <see cref="InvalidDataException"/> on any mismatch.</summary>
    public static (float[] Data, int Rows, int Cols) Decode(ReadOnlySpan<byte> bytes)
    {
        var (rows, cols) = ReadHeader(bytes);
        var body = bytes[HeaderSize..];
        if ((long)rows * cols * sizeof(float) != body.Length)
        {
            throw new InvalidDataException($"Float matrix header says {rows}x{cols} but the body has {body.Length} bytes.");
        }

        var data = new float[rows * cols];
        DecodeValues(body, data);
        return (data, rows, cols);
    }

    /// <summary>Rows and columns from the first <see cref="HeaderSize"/> bytes of a matrix blob.</summary>
    public static (int Rows, int Cols) ReadHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderSize || !header[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a float matrix blob (missing F32M header).");
        }

        var rows = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        var cols = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (rows < 0 || cols < 0)
        {
            throw new InvalidDataException($"Float matrix header says {rows}x{cols}.");
        }

        return (rows, cols);
    }

    /// <summary>The header of a <paramref name="rows"/> × <paramref name="cols"/> matrix, for writers that stream the body.</summary>
    public static byte[] EncodeHeader(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        var header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), rows);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), cols);
        return header;
    }

    /// <summary>Byte offset of row <paramref name="row"/> in a matrix blob of <paramref name="cols"/> columns: a row range is one ranged read.</summary>
    public static long RowOffset(int row, int cols) => HeaderSize + ((long)row * cols * sizeof(float));

    /// <summary>Decodes little-endian float32 values (a whole body or a row range of it) into <paramref name="destination"/>.</summary>
    public static void DecodeValues(ReadOnlySpan<byte> body, Span<float> destination)
    {
        if (body.Length != destination.Length * sizeof(float))
        {
            throw new InvalidDataException($"Expected {destination.Length * sizeof(float)} bytes of float values, got {body.Length}.");
        }

        if (BitConverter.IsLittleEndian)
        {
            body.CopyTo(MemoryMarshal.AsBytes(destination));
        }
        else
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = BinaryPrimitives.ReadSingleLittleEndian(body[(i * sizeof(float))..]);
            }
        }
    }

    /// <summary>Encodes float32 values little-endian into <paramref name="destination"/> (4 bytes a value).</summary>
    public static void EncodeValues(ReadOnlySpan<float> values, Span<byte> destination)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(destination);
        }
        else
        {
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(destination[(i * sizeof(float))..], values[i]);
            }
        }
    }
}
