using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace MusicClustering.Audio;

/// <summary>
/// librosa 0.11 <c>feature.mfcc</c>: centred STFT with periodic Hann, |X|^power, Slaney mel projection,
/// power_to_db (top_db relative to the whole matrix's maximum), DCT-II ortho. The window, FFT plan, sparse
/// filterbank and DCT basis are built once; <see cref="Compute"/> is thread-safe (scratch is per thread).
/// Frames are processed <see cref="Vector{T}.Count"/> at a time, one frame per SIMD lane, in float32 (librosa's own
/// dtype after its float64 FFT; the parity tests bound the difference).
/// </summary>
public sealed class MfccExtractor
{
    private const string LogMelSlot = "mfcc.logmel";

    private readonly MfccOptions _options;
    private const int DctGroup = 4;      // coefficients per DCT kernel call (two even, two odd)

    // Orthonormal DCT-II basis over the first half of the mel bands, grouped for the kernel:
    // [group of DctGroup coefficients, band, coefficient in group]; coefficients past NMfcc are zero rows.
    private readonly double[] _dctGroups;

    public MfccExtractor(MfccOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        Plan = new StftPlan(options.NFft, options.HopLength, options.Center);
        Mel = MelFilterbank.Create(options.SampleRate, options.NFft, options.NMels, options.FMin, options.EffectiveFMax);
        var halfCount = (options.NMels + 1) / 2;
        var groups = (options.NMfcc + DctGroup - 1) / DctGroup;
        _dctGroups = new double[groups * halfCount * DctGroup];
        for (var c = 0; c < options.NMfcc; c++)
        {
            var scale = Math.Sqrt((c == 0 ? 1.0 : 2.0) / options.NMels);
            for (var m = 0; m < halfCount; m++)
            {
                var at = ((((c / DctGroup) * halfCount) + m) * DctGroup) + (c % DctGroup);
                _dctGroups[at] = scale * Math.Cos(Math.PI * c * ((2 * m) + 1) / (2.0 * options.NMels));
            }
        }
    }

    public MfccOptions Options => _options;

    internal StftPlan Plan { get; }

    internal MelFilterbank Mel { get; }

    /// <summary>Number of frames librosa produces for a signal of <paramref name="samples"/> samples.</summary>
    public int FrameCount(int samples) => Plan.FrameCount(samples);

    /// <summary>MFCC matrix [NMfcc, frames] of a mono signal at <see cref="MfccOptions.SampleRate"/>.</summary>
    public MfccMatrix Compute(ReadOnlySpan<float> signal) => Compute(signal, null);

    internal MfccMatrix Compute(ReadOnlySpan<float> signal, StageTimes? times)
    {
        var (sink, frames) = LogMel(signal, times);
        return Dct(sink, frames, times);
    }

    /// <summary>
    /// The log-mel spectrogram the MFCC is the DCT of: <c>power_to_db(melspectrogram(y))</c> with the same options
    /// (top_db clipping included), [NMels, frames]. Used by the representation models that learn from log-mel patches.
    /// </summary>
    public LogMelSpectrogram ComputeLogMel(ReadOnlySpan<float> signal)
    {
        var (sink, frames) = LogMel(signal, null);
        var nMels = _options.NMels;
        var floor = Floor(sink.Max);
        var values = new float[nMels * frames];
        var lanes = BatchedRealFft.Lanes;
        for (var batch = 0; batch < sink.Batches; batch++)
        {
            var firstFrame = batch * lanes;
            var valid = Math.Min(lanes, frames - firstFrame);
            for (var m = 0; m < nMels; m++)
            {
                var v = sink.Values[(batch * nMels) + m];
                for (var i = 0; i < valid; i++)
                {
                    values[(m * frames) + firstFrame + i] = Math.Max(v[i], floor);
                }
            }
        }

        return new LogMelSpectrogram(nMels, frames, values);
    }

    /// <summary>A log-mel sink with this extractor's filterbank and options, for a pass that also feeds other sinks.</summary>
    internal MelSpectrogramSink CreateSink(int batches, string slot, bool edgeOnly = false, StageTimes? times = null) =>
        new(Mel, _options, batches, slot, edgeOnly, times);

    /// <summary>top_db floor below the matrix maximum (−∞ without top_db).</summary>
    internal float Floor(float maxDb) => _options.TopDb is { } topDb ? (float)(maxDb - topDb) : float.NegativeInfinity;

    /// <summary>Clips the sink's log-mel at the top_db floor and applies the DCT-II: the MFCC matrix.</summary>
    internal MfccMatrix Dct(MelSpectrogramSink sink, int frames, StageTimes? times)
    {
        var d0 = Stopwatch.GetTimestamp();
        var values = GC.AllocateUninitializedArray<float>(_options.NMfcc * frames); // ApplyDct writes every value
        ApplyDct(sink.Values.AsSpan(0, sink.Batches * _options.NMels), sink.Batches, frames, Floor(sink.Max), values);
        times?.Add(MfccStages.Dct, d0);
        return new MfccMatrix(_options.NMfcc, frames, values);
    }

    private (MelSpectrogramSink Sink, int Frames) LogMel(ReadOnlySpan<float> signal, StageTimes? times)
    {
        if (signal.Length < _options.NFft)
        {
            throw new AudioFormatException(AudioFailureReasons.TooShort, $"Signal of {signal.Length} samples is shorter than one frame (n_fft = {_options.NFft}).");
        }

        var frames = Plan.FrameCount(signal.Length);
        var sink = CreateSink(StftPlan.BatchCount(frames), LogMelSlot, times: times);
        SpectralPass.Run(Plan, signal, _options.PadMode, [sink], SpectralScratch.For(Plan), times);
        return (sink, frames);
    }

    // DCT-II rows are even (c even) or odd (c odd) about the middle mel band, so each coefficient needs only half the
    // products: y[c] = Σ_{m < N/2} D[c, m]·(x[m] ± x[N−1−m]). The sums run in float64: c0 adds 128 values of tens of dB,
    // and a float32 accumulator would be off by ~1e-4 in every frame of a stationary signal.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyDct(ReadOnlySpan<Vector<float>> logMel, int batches, int frames, float floor, float[] values)
    {
        var nMels = _options.NMels;
        var nMfcc = _options.NMfcc;
        var halfCount = (nMels + 1) / 2;
        var lanes = Vector<float>.Count;
        var floorVector = new Vector<float>(floor);
        _ = _dctGroups[(((nMfcc + DctGroup - 1) / DctGroup) * halfCount * DctGroup) - 1];
        Span<Vector<double>> folded = stackalloc Vector<double>[4 * halfCount]; // per band: sum low, sum high, diff low, diff high
        Span<float> lane = stackalloc float[lanes];
        for (var batch = 0; batch < batches; batch++)
        {
            var source = logMel.Slice(batch * nMels, nMels);
            for (var m = 0; m < halfCount; m++)
            {
                var a = Vector.Max(source[m], floorVector);
                var b = m == nMels - 1 - m ? Vector<float>.Zero : Vector.Max(source[nMels - 1 - m], floorVector);
                Vector.Widen(a, out var aLow, out var aHigh);
                Vector.Widen(b, out var bLow, out var bHigh);
                folded[4 * m] = aLow + bLow;
                folded[(4 * m) + 1] = aHigh + bHigh;
                folded[(4 * m) + 2] = aLow - bLow;
                folded[(4 * m) + 3] = aHigh - bHigh;
            }

            var firstFrame = batch * lanes;
            var valid = Math.Min(lanes, frames - firstFrame);
            for (var c = 0; c < nMfcc; c += DctGroup)
            {
                DctKernel(ref folded[0], ref _dctGroups[c * halfCount], halfCount, out var y0, out var y1, out var y2, out var y3);
                Write(y0, values, (c * frames) + firstFrame, valid, lane);
                if (c + 1 < nMfcc)
                {
                    Write(y1, values, ((c + 1) * frames) + firstFrame, valid, lane);
                }

                if (c + 2 < nMfcc)
                {
                    Write(y2, values, ((c + 2) * frames) + firstFrame, valid, lane);
                }

                if (c + 3 < nMfcc)
                {
                    Write(y3, values, ((c + 3) * frames) + firstFrame, valid, lane);
                }
            }
        }
    }

    // Four coefficients (even, odd, even, odd) of one batch: eight independent FMA chains, enough to cover the FMA
    // latency on two pipes. Kept small so the JIT holds every accumulator in a register. Each coefficient still sums
    // its bands in order, so grouping does not change the result.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DctKernel(ref Vector<double> folded, ref double basis, int count, out Vector<float> y0, out Vector<float> y1, out Vector<float> y2, out Vector<float> y3)
    {
        Vector<double> e0Low = default, e0High = default, o0Low = default, o0High = default;
        Vector<double> e1Low = default, e1High = default, o1Low = default, o1High = default;
        for (var m = 0; m < count; m++)
        {
            ref var x = ref Unsafe.Add(ref folded, 4 * m);
            ref var w = ref Unsafe.Add(ref basis, 4 * m);
            var sumLow = x;
            var sumHigh = Unsafe.Add(ref x, 1);
            var diffLow = Unsafe.Add(ref x, 2);
            var diffHigh = Unsafe.Add(ref x, 3);
            var we0 = new Vector<double>(w);
            var wo0 = new Vector<double>(Unsafe.Add(ref w, 1));
            var we1 = new Vector<double>(Unsafe.Add(ref w, 2));
            var wo1 = new Vector<double>(Unsafe.Add(ref w, 3));
            e0Low = Fused.MulAdd(sumLow, we0, e0Low);
            e0High = Fused.MulAdd(sumHigh, we0, e0High);
            o0Low = Fused.MulAdd(diffLow, wo0, o0Low);
            o0High = Fused.MulAdd(diffHigh, wo0, o0High);
            e1Low = Fused.MulAdd(sumLow, we1, e1Low);
            e1High = Fused.MulAdd(sumHigh, we1, e1High);
            o1Low = Fused.MulAdd(diffLow, wo1, o1Low);
            o1High = Fused.MulAdd(diffHigh, wo1, o1High);
        }

        y0 = Vector.Narrow(e0Low, e0High);
        y1 = Vector.Narrow(o0Low, o0High);
        y2 = Vector.Narrow(e1Low, e1High);
        y3 = Vector.Narrow(o1Low, o1High);
    }

    private static void Write(Vector<float> frames, float[] values, int offset, int valid, Span<float> lane)
    {
        if (valid == Vector<float>.Count)
        {
            frames.CopyTo(values.AsSpan(offset, valid));
            return;
        }

        frames.CopyTo(lane);
        lane[..valid].CopyTo(values.AsSpan(offset, valid));
    }
}
