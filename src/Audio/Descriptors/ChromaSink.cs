using System.Numerics;
using System.Runtime.CompilerServices;

namespace MusicClustering.Audio;

/// <summary>
/// librosa 0.11 <c>chroma_stft(S=P)</c>. The filterbank depends on the tuning, which librosa estimates from the peaks of
/// the whole spectrogram, so the pass only collects the peaks and keeps the power spectra; <see cref="Finish"/> then
/// projects them onto the 12 chroma and normalises each frame by its maximum (norm = ∞).
/// </summary>
internal sealed class ChromaSink : ISpectrumSink
{
    private readonly int _sampleRate;
    private readonly int _nFft;
    private readonly int _bins;
    private readonly int _frames;
    private readonly Vector<float>[] _power;
    private readonly TuningEstimator _tuning;

    public ChromaSink(int sampleRate, int nFft, int frames, int batches)
    {
        _sampleRate = sampleRate;
        _nFft = nFft;
        _bins = (nFft / 2) + 1;
        _frames = frames;
        _power = WorkArrays.Current.Get<Vector<float>>("chroma.power", batches * _bins);
        _tuning = new TuningEstimator(sampleRate, nFft);
    }

    public bool NeedsComplex => false;

    public bool ZeroPadded => false;

    /// <summary>The estimated tuning, once <see cref="Finish"/> ran.</summary>
    public double Tuning { get; private set; }

    public void Accept(SpectrumBatch spectrum, BatchInfo batch)
    {
        var power = spectrum.Power;
        power.AsSpan().CopyTo(_power.AsSpan(batch.Index * _bins, _bins));
        CollectPeaks(power, batch.ValidLanes);
    }

    public DescriptorMatrix Finish()
    {
        Tuning = _tuning.Estimate();
        var bank = ChromaFilterbank.For(_sampleRate, _nFft, Tuning);
        var values = new double[ChromaFilterbank.Chroma][];
        for (var c = 0; c < values.Length; c++)
        {
            values[c] = new double[_frames];
        }

        var lanes = Vector<float>.Count;
        Span<Vector<float>> chroma = stackalloc Vector<float>[ChromaFilterbank.Chroma];
        for (var batch = 0; batch * lanes < _frames; batch++)
        {
            Project(bank, _power.AsSpan(batch * _bins, _bins), chroma);
            var max = chroma[0];
            for (var c = 1; c < chroma.Length; c++)
            {
                max = Vector.Max(max, chroma[c]);
            }

            // util.normalize(norm=inf): frames whose maximum is below float32's tiny keep their (zero) values.
            var length = Vector.ConditionalSelect(Vector.LessThan(max, new Vector<float>(Tiny.Float32)), Vector<float>.One, max);
            var first = batch * lanes;
            var valid = Math.Min(lanes, _frames - first);
            for (var c = 0; c < chroma.Length; c++)
            {
                var normalised = chroma[c] / length;
                for (var l = 0; l < valid; l++)
                {
                    values[c][first + l] = normalised[l];
                }
            }
        }

        return new DescriptorMatrix(DescriptorSet.Chroma, values);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Project(ChromaFilterbank bank, ReadOnlySpan<Vector<float>> power, Span<Vector<float>> chroma)
    {
        Vector<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;
        Vector<float> c6 = default, c7 = default, c8 = default, c9 = default, c10 = default, c11 = default;
        ref var w = ref bank.Weights[0];
        for (var k = 0; k < power.Length; k++)
        {
            var p = power[k];
            ref var row = ref Unsafe.Add(ref w, k * ChromaFilterbank.Chroma);
            c0 = Fused.MulAdd(p, new Vector<float>(row), c0);
            c1 = Fused.MulAdd(p, new Vector<float>(Unsafe.Add(ref row, 1)), c1);
            c2 = Fused.MulAdd(p, new Vector<float>(Unsafe.Add(ref row, 2)), c2);
            c3 = Fused.MulAdd(p, new Vector<float>(Unsafe.Add(ref row, 3)), c3);
            c4 = Fused.MulAdd(p, new Vector<float>(Unsafe.Add(ref row, 4)), c4);
            c5 = Fused.MulAdd(p, new Vector<float>(Unsafe.Add(ref row, 5)), c5);
            c6 = Fused.MulAdd(p, new Vector<float>(Unsafe.Add(ref row, 6)), c6);
            c7 = Fused.MulAdd(p, new Vector<float>(Unsafe.Add(ref row, 7)), c7);
            c8 = Fused.MulAdd(p, new Vector<float>(Unsafe.Add(ref row, 8)), c8);
            c9 = Fused.MulAdd(p, new Vector<float>(Unsafe.Add(ref row, 9)), c9);
            c10 = Fused.MulAdd(p, new Vector<float>(Unsafe.Add(ref row, 10)), c10);
            c11 = Fused.MulAdd(p, new Vector<float>(Unsafe.Add(ref row, 11)), c11);
        }

        chroma[0] = c0;
        chroma[1] = c1;
        chroma[2] = c2;
        chroma[3] = c3;
        chroma[4] = c4;
        chroma[5] = c5;
        chroma[6] = c6;
        chroma[7] = c7;
        chroma[8] = c8;
        chroma[9] = c9;
        chroma[10] = c10;
        chroma[11] = c11;
    }

    // piptrack(S=P): a peak is a bin inside the mask whose value, after zeroing everything at or below 0.1 × the frame's
    // maximum, exceeds its lower neighbour and is not below its upper one.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CollectPeaks(ReadOnlySpan<Vector<float>> power, int valid)
    {
        var max = power[0];
        for (var k = 1; k < power.Length; k++)
        {
            max = Vector.Max(max, power[k]);
        }

        var threshold = max * 0.1f;
        var first = _tuning.FirstBin;
        var end = _tuning.EndBin;
        var previous = Masked(power[first - 1], threshold);
        var current = Masked(power[first], threshold);
        for (var k = first; k < end; k++)
        {
            var next = Masked(power[k + 1], threshold);
            var peak = Vector.GreaterThan(current, previous) & Vector.GreaterThanOrEqual(current, next);
            if (peak != Vector<int>.Zero)
            {
                for (var l = 0; l < valid; l++)
                {
                    if (peak[l] != 0)
                    {
                        _tuning.AddPeak(k, power[k - 1][l], power[k][l], power[k + 1][l]);
                    }
                }
            }

            previous = current;
            current = next;
        }
    }

    private static Vector<float> Masked(Vector<float> value, Vector<float> threshold) =>
        Vector.ConditionalSelect(Vector.GreaterThan(value, threshold), value, Vector<float>.Zero);
}
