using System.Buffers;

namespace MusicClustering.Audio;

/// <summary>
/// Cuts a mono signal into analysis segments as it decodes: segments of <c>segmentSamples</c>, except that a last
/// remainder shorter than half a segment joins the segment before it (so a 30.01 s clip is one segment), and at most
/// <c>maxSegments</c> of them, after which decoding stops. Holds at most one and a half segments, in a buffer rented
/// from the shared pool and returned on <see cref="Dispose"/>: a 30 s segment's buffer is 4 MB, and allocating one per
/// track put it on the large object heap, which made a silo extracting 100 tracks a second run several gen-2
/// collections a second.
/// </summary>
public sealed class SegmentReader : IDisposable
{
    private readonly MonoSignalReader _source;
    private readonly int _segment;
    private readonly int? _maxSegments;
    private float[] _buffer;
    private int _buffered;
    private int _handedOut; // samples at the start of the buffer given out by the last TryNext
    private bool _ended;

    public SegmentReader(MonoSignalReader source, int segmentSamples, int? maxSegments)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(segmentSamples);
        _source = source;
        _segment = segmentSamples;
        _maxSegments = maxSegments;
        _buffer = ArrayPool<float>.Shared.Rent(segmentSamples + (segmentSamples / 2));
    }

    public int Segments { get; private set; }

    // A rented array may be longer than asked for; the reader behaves as if it were exactly one and a half segments.
    private int Capacity => _segment + (_segment / 2);

    /// <summary>True when the reader stopped at max_segments before the end of the signal.</summary>
    public bool StoppedEarly { get; private set; }

    /// <summary>The next segment (valid until the next call), or false at the end.</summary>
    public bool TryNext(out ReadOnlyMemory<float> segment)
    {
        segment = default;
        if (_maxSegments is { } max && Segments >= max)
        {
            // Stop decoding here; whatever follows is not read.
            StoppedEarly = _buffered > _handedOut || !_ended;
            return false;
        }

        Fill();
        if (_buffered == 0)
        {
            return false;
        }

        var length = _ended && _buffered - _segment < _segment / 2 ? _buffered : _segment;
        segment = _buffer.AsMemory(0, length);
        _handedOut = length;
        Segments++;
        return true;
    }

    private void Fill()
    {
        if (_handedOut > 0)
        {
            Array.Copy(_buffer, _handedOut, _buffer, 0, _buffered - _handedOut);
            _buffered -= _handedOut;
            _handedOut = 0;
        }

        while (!_ended && _buffered < Capacity)
        {
            var n = _source.Read(_buffer.AsSpan(_buffered, Capacity - _buffered));
            _ended = n == 0;
            _buffered += n;
        }
    }

    /// <summary>Returns the buffer to the pool; the last segment handed out is invalid afterwards.</summary>
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }
}
