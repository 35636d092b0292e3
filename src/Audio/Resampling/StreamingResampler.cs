using System.Numerics;

namespace MusicClustering.Audio;

/// <summary>
/// <see cref="Resampler"/> fed in chunks: every output sample is the same dot product over the same input window as
/// for the whole signal (zeros outside it), computed as soon as its window has arrived, and input no window needs any
/// more is dropped. Memory is one filter length plus one chunk, whatever the length of the signal.
/// </summary>
public sealed class StreamingResampler
{
    private const int MaxPhases = 4096;

    private readonly bool _polyphase;
    private readonly int _step;         // polyphase: input step per output, in phases
    private readonly int _phases;
    private readonly double[] _kernels = [];
    private readonly int _left;         // window of output t: input n + 1 − left … n + taps − left, n = t·step / phases
    private readonly int _taps;
    private readonly double _ratio;
    private readonly ResamplingFilter _filter;
    private double[] _buffer = new double[4096];
    private long _bufferStart;          // input index of _buffer[0]
    private int _bufferLength;
    private long _inputLength;
    private long _next;                 // next output index

    public StreamingResampler(int sourceRate, int targetRate, ResamplingFilter? filter = null)
        : this(sourceRate, targetRate, filter, null)
    {
    }

    /// <summary><paramref name="polyphase"/> forces a form (tests compare the two); null picks by the number of phases.</summary>
    internal StreamingResampler(int sourceRate, int targetRate, ResamplingFilter? filter, bool? polyphase)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetRate);
        _filter = filter ?? ResamplingFilter.KaiserBest;
        var gcd = (int)BigInteger.GreatestCommonDivisor(sourceRate, targetRate);
        _phases = targetRate / gcd;
        _step = sourceRate / gcd;
        _polyphase = polyphase ?? _phases <= MaxPhases;
        _ratio = _polyphase ? (double)_phases / _step : (double)targetRate / sourceRate;
        var scale = Math.Min(1.0, _ratio);
        if (_polyphase)
        {
            _kernels = Resampler.PhaseKernels(_filter, _phases, scale, out _left, out _taps);
        }
        else
        {
            var wing = (_filter.HalfWindow.Length / (int)(scale * _filter.TableSize)) + 1;
            _left = wing;
            _taps = 2 * wing;
        }

        _bufferStart = -_left; // the window of the first outputs reaches before the signal: zeros
        _bufferLength = _left;
    }

    /// <summary>Adds input samples and appends every output whose window is now complete.</summary>
    public void Push(ReadOnlySpan<float> input, SampleQueue output)
    {
        EnsureCapacity(_bufferLength + input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            _buffer[_bufferLength + i] = input[i];
        }

        _bufferLength += input.Length;
        _inputLength += input.Length;
        Produce(long.MaxValue, output);
    }

    /// <summary>The end of the input: the last outputs (zeros past the signal), then librosa's padding to ceil(n·ratio).</summary>
    public void Finish(SampleQueue output)
    {
        EnsureCapacity(_bufferLength + _taps + 1);
        Array.Clear(_buffer, _bufferLength, _taps + 1);
        _bufferLength += _taps + 1;
        var computed = (long)(_inputLength * _ratio);
        Produce(computed, output, finished: true);
        var total = (long)Math.Ceiling(_inputLength * _ratio);
        for (var t = _next; t < total; t++)
        {
            output.Add(0f);
        }

        _next = total;
    }

    private void Produce(long limit, SampleQueue output, bool finished = false)
    {
        var available = _bufferStart + _bufferLength;
        for (; _next < limit; _next++)
        {
            var n = Center(_next);
            if (!finished && n + _taps - _left >= available)
            {
                break;
            }

            output.Add((float)(_polyphase ? Polyphase(_next, n) : Direct(_next, n)));
        }

        // Drop input that no later window reads.
        var keepFrom = Center(_next) + 1 - _left;
        var drop = (int)Math.Clamp(keepFrom - _bufferStart, 0, _bufferLength);
        if (drop > 0)
        {
            Array.Copy(_buffer, drop, _buffer, 0, _bufferLength - drop);
            _bufferStart += drop;
            _bufferLength -= drop;
        }
    }

    private long Center(long t) => _polyphase ? t * _step / _phases : (long)(t * (1.0 / _ratio));

    private double Polyphase(long t, long n)
    {
        var phase = (int)(t * _step % _phases);
        var kernel = _kernels.AsSpan(phase * _taps, _taps);
        var window = _buffer.AsSpan((int)(n + 1 - _left - _bufferStart), _taps);
        var lanes = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        var j = 0;
        for (; j <= _taps - lanes; j += lanes)
        {
            acc += new Vector<double>(window[j..]) * new Vector<double>(kernel[j..]);
        }

        var sum = Vector.Sum(acc);
        for (; j < _taps; j++)
        {
            sum += window[j] * kernel[j];
        }

        return sum;
    }

    // resampy's loop for ratios with very many phases: weights interpolated per sample.
    private double Direct(long t, long n)
    {
        var window = _filter.HalfWindow;
        var scale = Math.Min(1.0, _ratio);
        var numTable = _filter.TableSize;
        var indexStep = (int)(scale * numTable);
        var time = t * (1.0 / _ratio);
        var frac = scale * (time - n);
        double acc = 0;
        var indexFrac = frac * numTable;
        var offset = (int)indexFrac;
        var eta = indexFrac - offset;
        var count = (window.Length - offset) / indexStep;
        for (var i = 0; i < count; i++)
        {
            acc += Resampler.Weight(window, offset + (i * indexStep), eta) * Sample(n - i);
        }

        indexFrac = (scale - frac) * numTable;
        offset = (int)indexFrac;
        eta = indexFrac - offset;
        count = (window.Length - offset) / indexStep;
        for (var k = 0; k < count; k++)
        {
            acc += Resampler.Weight(window, offset + (k * indexStep), eta) * Sample(n + k + 1);
        }

        return acc * scale;
    }

    // Input sample at absolute index i; zero before the signal and past what the buffer holds (after Finish).
    private double Sample(long i)
    {
        var index = i - _bufferStart;
        return i < 0 || index < 0 || index >= _bufferLength ? 0 : _buffer[index];
    }

    private void EnsureCapacity(int length)
    {
        if (_buffer.Length < length)
        {
            Array.Resize(ref _buffer, Math.Max(length, 2 * _buffer.Length));
        }
    }
}
