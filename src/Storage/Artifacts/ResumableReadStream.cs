namespace MusicClustering.Storage;

/// <summary>
/// A blob read stream that survives storage trouble mid-read. The SDK's stream downloads range by range as it is read,
/// so an outage after the open surfaces inside <see cref="Read(Span{byte})"/>, past the store's retry policy. On a
/// transient failure this stream reopens the blob at the position it had reached (through <c>reopen</c>, which runs
/// the store's policy and so waits the outage out) and reads again; the reader never sees the gap.
/// </summary>
internal sealed class ResumableReadStream(Stream first, Func<long, CancellationToken, Task<Stream>> reopen, int maxReopens) : Stream
{
    private Stream _inner = first;
    private long _position = first.Position;

    public override bool CanRead => true;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        for (var reopens = 0; ; reopens++)
        {
            try
            {
                var n = _inner.Read(buffer);
                _position += n;
                return n;
            }
            catch (Exception ex) when (reopens < maxReopens && StorageResilience.IsTransient(ex))
            {
                // Reads run on analysis threads, never on a grain scheduler, so waiting here blocks nothing else.
                Reopen(reopen(_position, CancellationToken.None).GetAwaiter().GetResult());
            }
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        for (var reopens = 0; ; reopens++)
        {
            try
            {
                var n = await _inner.ReadAsync(buffer, cancellationToken);
                _position += n;
                return n;
            }
            catch (Exception ex) when (reopens < maxReopens && StorageResilience.IsTransient(ex, cancellationToken))
            {
                Reopen(await reopen(_position, cancellationToken));
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        _position = _inner.Seek(offset, origin);
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private void Reopen(Stream next)
    {
        _inner.Dispose();
        _inner = next;
    }
}
