namespace MusicClustering.Audio;

/// <summary>
/// Cuts a mono signal into analysis segments as it decodes: segments of <c>segmentSamples</c>, except that a last
/// remainder shorter than half a segment joins the segment before it (so a 30.01 s clip is one segment), and at most
/// <c>maxSegments</c> of them, after which decoding stops. Holds at most one and a half segments.
/// </summary>
public sealed class SegmentReader
{
    private readonly MonoSignalReader _source;
    private readonly int _segment;
    private readonly int? _maxSegments;
    private readonly float[] _buffer;
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
        _buffer = new float[segmentSamples + (segmentSamples / 2)];
    }

    public int Segments { get; private set; }

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

        while (!_ended && _buffered < _buffer.Length)
        {
            var n = _source.Read(_buffer.AsSpan(_buffered));
            _ended = n == 0;
            _buffered += n;
        }
    }
}
