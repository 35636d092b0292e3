using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace MusicClustering.Audio;

/// <summary>
/// librosa 0.11 <c>feature.mfcc</c>: centred STFT with periodic Hann, |X|^power, Slaney mel projection,
/// power_to_db (top_db relative to the whole matrix's maximum), DCT-II ortho. The window, FFT plan, sparse
/// filterbank and DCT basis are built once; <see cref="Compute"/> is thread-safe (scratch is per thread).
/// Frames are processed <see cref="Vector{T}.Count"/> at a time, one frame per SIMD lane, in float64.
/// </summary>
public sealed class MfccExtractor
{
    private readonly MfccOptions _options;
    private readonly BatchedRealFft _fft;
    private readonly MelFilterbank _mel;
    private readonly double[] _window;
    private readonly double[] _dctHalf;   // orthonormal DCT-II basis [coefficient, first half of the mel bands]
    private readonly double _refDb;

    public MfccExtractor(MfccOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _fft = new BatchedRealFft(options.NFft);
        _mel = MelFilterbank.Create(options.SampleRate, options.NFft, options.NMels, options.FMin, options.EffectiveFMax);
        _window = new double[options.NFft];
        for (var n = 0; n < options.NFft; n++)
        {
            _window[n] = 0.5 - (0.5 * Math.Cos(2 * Math.PI * n / options.NFft)); // periodic Hann
        }

        var halfCount = (options.NMels + 1) / 2;
        _dctHalf = new double[options.NMfcc * halfCount];
        for (var c = 0; c < options.NMfcc; c++)
        {
            var scale = Math.Sqrt((c == 0 ? 1.0 : 2.0) / options.NMels);
            for (var m = 0; m < halfCount; m++)
            {
                _dctHalf[(c * halfCount) + m] = scale * Math.Cos(Math.PI * c * ((2 * m) + 1) / (2.0 * options.NMels));
            }
        }

        _refDb = 10 * Math.Log10(Math.Max(options.Amin, options.RefPower));
    }

    public MfccOptions Options => _options;

    /// <summary>Number of frames librosa produces for a signal of <paramref name="samples"/> samples.</summary>
    public int FrameCount(int samples) => _options.Center
        ? 1 + (samples / _options.HopLength)
        : samples < _options.NFft ? 0 : 1 + ((samples - _options.NFft) / _options.HopLength);

    /// <summary>MFCC matrix [NMfcc, frames] of a mono signal at <see cref="MfccOptions.SampleRate"/>.</summary>
    public MfccMatrix Compute(ReadOnlySpan<float> signal) => Compute(signal, null);

    internal MfccMatrix Compute(ReadOnlySpan<float> signal, MfccStageTimes? times)
    {
        var o = _options;
        var (work, frames, batches, maxDb) = LogMelBatches(signal, times);
        var d0 = Stopwatch.GetTimestamp();
        var values = new float[o.NMfcc * frames];
        var floor = o.TopDb is { } topDb ? maxDb - topDb : double.NegativeInfinity;
        ApplyDct(work.LogMel.AsSpan(0, batches * o.NMels), work.Folded, batches, frames, floor, values);
        if (times is not null)
        {
            times.Dct += Stopwatch.GetTimestamp() - d0;
        }

        return new MfccMatrix(o.NMfcc, frames, values);
    }

    /// <summary>
    /// The log-mel spectrogram the MFCC is the DCT of: <c>power_to_db(melspectrogram(y))</c> with the same options
    /// (top_db clipping included), [NMels, frames]. Used by the representation models that learn from log-mel patches.
    /// </summary>
    public LogMelSpectrogram ComputeLogMel(ReadOnlySpan<float> signal)
    {
        var nMels = _options.NMels;
        var (work, frames, batches, maxDb) = LogMelBatches(signal, null);
        var floor = _options.TopDb is { } topDb ? maxDb - topDb : double.NegativeInfinity;
        var values = new float[nMels * frames];
        var logMel = work.LogMel.AsSpan(0, batches * nMels);
        var lanes = BatchedRealFft.Lanes;
        for (var batch = 0; batch < batches; batch++)
        {
            var firstFrame = batch * lanes;
            var valid = Math.Min(lanes, frames - firstFrame);
            for (var m = 0; m < nMels; m++)
            {
                var v = logMel[(batch * nMels) + m];
                for (var i = 0; i < valid; i++)
                {
                    values[(m * frames) + firstFrame + i] = (float)Math.Max(v[i], floor);
                }
            }
        }

        return new LogMelSpectrogram(nMels, frames, values);
    }

    // Frames, window, FFT, |X|^power, mel projection and power_to_db for every batch of lanes; the log-mel values stay
    // in the workspace, batch-major with one frame per lane. Returns the matrix maximum for top_db.
    private (MfccWorkspace Work, int Frames, int Batches, double MaxDb) LogMelBatches(ReadOnlySpan<float> signal, MfccStageTimes? times)
    {
        var o = _options;
        if (signal.Length < o.NFft)
        {
            throw new AudioFormatException(AudioFailureReasons.TooShort, $"Signal of {signal.Length} samples is shorter than one frame (n_fft = {o.NFft}).");
        }

        var lanes = BatchedRealFft.Lanes;
        var frames = FrameCount(signal.Length);
        var batches = (frames + lanes - 1) / lanes;
        var nMels = o.NMels;
        var pad = o.Center ? o.NFft / 2 : 0;
        var paddedLength = Math.Max(signal.Length + (2 * pad), (((batches * lanes) - 1) * o.HopLength) + o.NFft);
        var work = MfccWorkspace.Rent(paddedLength);
        work.Ensure(paddedLength, batches * nMels, o.NFft, _fft.Bins, nMels, !_fft.IsPowerOfTwo);
        var padded = work.Padded.AsSpan(0, paddedLength);
        Pad(signal, padded, pad);

        var zr = work.Zr.AsSpan(0, o.NFft / 2);
        var zi = work.Zi.AsSpan(0, o.NFft / 2);
        var specRe = work.SpecRe.AsSpan(0, _fft.Bins);
        var specIm = work.SpecIm.AsSpan(0, _fft.Bins);
        var frameBuffer = work.Frame.AsSpan(0, _fft.IsPowerOfTwo ? 0 : o.NFft);
        var logMel = work.LogMel.AsSpan(0, batches * nMels);
        var maxDb = double.NegativeInfinity;

        for (var batch = 0; batch < batches; batch++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var firstSample = batch * lanes * o.HopLength;
            if (_fft.IsPowerOfTwo)
            {
                FrameBatchLoader.LoadEvenOdd(padded, firstSample, o.HopLength, _window, zr, zi);
            }
            else
            {
                FrameBatchLoader.LoadInOrder(padded, firstSample, o.HopLength, _window, frameBuffer);
            }

            if (o.Power == 2.0)
            {
                _fft.PowerSpectrum(frameBuffer, zr, zi, specRe, specIm);
            }
            else
            {
                _fft.Transform(frameBuffer, zr, zi, specRe, specIm);
                Magnitude(specRe, specIm);
            }

            // specRe now holds |X|^power
            var t1 = Stopwatch.GetTimestamp();

            var melOut = logMel.Slice(batch * nMels, nMels);
            Project(specRe, melOut);
            var t2 = Stopwatch.GetTimestamp();

            var batchMax = ToDecibels(melOut);
            var validLanes = Math.Min(lanes, frames - (batch * lanes));
            maxDb = Math.Max(maxDb, MaxOfLanes(batchMax, validLanes)); // lanes past the last frame do not count
            var t3 = Stopwatch.GetTimestamp();
            if (times is not null)
            {
                times.Fft += t1 - t0;
                times.Mel += t2 - t1;
                times.Log += t3 - t2;
            }
        }

        return (work, frames, batches, maxDb);
    }

    // Centre padding (zeros or numpy 'reflect'), plus zeros so the last batch of frames stays in range.
    private void Pad(ReadOnlySpan<float> signal, Span<float> padded, int pad)
    {
        padded[..pad].Clear();
        signal.CopyTo(padded[pad..]);
        padded[(pad + signal.Length)..].Clear();
        if (_options.Center && _options.PadMode == PadMode.Reflect)
        {
            for (var i = 0; i < pad; i++)
            {
                padded[pad - 1 - i] = signal[Reflect(i + 1, signal.Length)];
                padded[pad + signal.Length + i] = signal[Reflect(signal.Length - 2 - i, signal.Length)];
            }
        }
    }

    private static int Reflect(int index, int length)
    {
        var period = 2 * (length - 1);
        index = ((index % period) + period) % period;
        return index < length ? index : period - index;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Magnitude(Span<Vector<double>> re, ReadOnlySpan<Vector<double>> im)
    {
        var power = _options.Power;
        for (var k = 0; k < re.Length; k++)
        {
            var p = (re[k] * re[k]) + (im[k] * im[k]);
            re[k] = power == 1.0 ? Vector.SquareRoot(p) : PowLanes(p, power / 2);
        }
    }

    private static Vector<double> PowLanes(Vector<double> v, double exponent)
    {
        Span<double> lanes = stackalloc double[Vector<double>.Count];
        v.CopyTo(lanes);
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = Math.Pow(lanes[i], exponent);
        }

        return new Vector<double>(lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Project(ReadOnlySpan<Vector<double>> power, Span<Vector<double>> mel)
    {
        for (var m = 0; m < mel.Length; m++)
        {
            var weights = _mel.Weights[m];
            var bins = power.Slice(_mel.Starts[m], weights.Length);
            var acc = Vector<double>.Zero;
            for (var j = 0; j < weights.Length; j++)
            {
                acc += bins[j] * weights[j];
            }

            mel[m] = acc;
        }
    }

    // power_to_db in place; returns the per-lane maximum.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Vector<double> ToDecibels(Span<Vector<double>> mel)
    {
        var amin = new Vector<double>(_options.Amin);
        var scale = new Vector<double>(10.0 / Math.Log(10.0));
        var reference = new Vector<double>(_refDb);
        var max = new Vector<double>(double.NegativeInfinity);
        for (var m = 0; m < mel.Length; m++)
        {
            var db = (Vector.Log(Vector.Max(mel[m], amin)) * scale) - reference;
            mel[m] = db;
            max = Vector.Max(max, db);
        }

        return max;
    }

    private static double MaxOfLanes(Vector<double> values, int count)
    {
        var result = double.NegativeInfinity;
        for (var i = 0; i < count; i++)
        {
            result = Math.Max(result, values[i]);
        }

        return result;
    }

    // DCT-II rows are even (c even) or odd (c odd) about the middle mel band, so each coefficient needs only half the
    // products: y[c] = Σ_{m < N/2} D[c, m]·(x[m] ± x[N−1−m]).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyDct(ReadOnlySpan<Vector<double>> logMel, Vector<double>[] folded, int batches, int frames, double floor, float[] values)
    {
        var nMels = _options.NMels;
        var nMfcc = _options.NMfcc;
        var halfCount = (nMels + 1) / 2;
        var lanes = Vector<double>.Count;
        var floorVector = new Vector<double>(floor);
        var sum = folded.AsSpan(0, halfCount);
        var diff = folded.AsSpan(halfCount, halfCount);
        Span<double> lane = stackalloc double[lanes];
        for (var batch = 0; batch < batches; batch++)
        {
            var source = logMel.Slice(batch * nMels, nMels);
            for (var m = 0; m < nMels / 2; m++)
            {
                var a = Vector.Max(source[m], floorVector);
                var b = Vector.Max(source[nMels - 1 - m], floorVector);
                sum[m] = a + b;
                diff[m] = a - b;
            }

            if (nMels % 2 == 1)
            {
                sum[halfCount - 1] = Vector.Max(source[halfCount - 1], floorVector);
                diff[halfCount - 1] = Vector<double>.Zero;
            }

            var firstFrame = batch * lanes;
            var valid = Math.Min(lanes, frames - firstFrame);
            for (var c = 0; c < nMfcc; c++)
            {
                var basis = _dctHalf.AsSpan(c * halfCount, halfCount);
                var input = c % 2 == 0 ? sum : diff;
                var acc = Vector<double>.Zero;
                for (var m = 0; m < halfCount; m++)
                {
                    acc += input[m] * basis[m];
                }

                acc.CopyTo(lane);
                var row = values.AsSpan((c * frames) + firstFrame, valid);
                for (var i = 0; i < valid; i++)
                {
                    row[i] = (float)lane[i];
                }
            }
        }
    }
}
