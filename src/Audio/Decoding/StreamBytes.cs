namespace MusicClustering.Audio;

/// <summary>
/// Sequential reads from a stream that may not seek (a blob download, a pipe), after a few bytes already read to
/// detect the format; tracks the position for messages.
/// </summary>
internal sealed class StreamBytes(Stream stream, byte[] prefix)
{
    private int _prefixUsed;

    public Stream Stream => stream;

    /// <summary>Bytes consumed so far (the prefix included).</summary>
    public long Position { get; private set; }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the count read.</summary>
    public int ReadUpTo(Span<byte> buffer)
    {
        var total = 0;
        if (_prefixUsed < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _prefixUsed);
            prefix.AsSpan(_prefixUsed, n).CopyTo(buffer);
            _prefixUsed += n;
            total = n;
        }

        total += ReadUpTo(stream, buffer[total..]);
        Position += total;
        return total;
    }

    /// <summary>Skips <paramref name="count"/> bytes; returns false when the stream ends first.</summary>
    public bool Skip(long count)
    {
        Span<byte> scratch = stackalloc byte[4096];
        while (count > 0)
        {
            var n = ReadUpTo(scratch[..(int)Math.Min(count, scratch.Length)]);
            if (n == 0)
            {
                return false;
            }

            count -= n;
        }

        return true;
    }

    public static int ReadUpTo(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
