using System.Numerics;
using System.Runtime.CompilerServices;

namespace MusicClustering.Audio;

/// <summary>
/// librosa 0.11's per-frame shape descriptors of the magnitude spectrogram S, all frames of a batch at once (lane =
/// frame): <c>spectral_centroid</c>, <c>spectral_bandwidth</c> (p = 2, normalised), <c>spectral_rolloff</c>
/// (roll_percent 0.85; the cumulative sum is float32 and sequential, as numpy's, so the chosen bin is the same),
/// <c>spectral_flatness</c> (amin 1e-10, power 2) and <c>rms(S=S)</c>.
/// </summary>
internal sealed class SpectralShapeSink : ISpectrumSink
{
    private const float RollPercent = 0.85f;
    private const float FlatnessAmin = 1e-10f;
    private const int ProductRun = 8; // mantissas (in [1, 2)) multiplied together before one log

    private readonly float[] _frequencies;
    private readonly int _nFft;
    private readonly Vector<float>[] _cumulative;

    public SpectralShapeSink(int sampleRate, int nFft, int frames)
    {
        _nFft = nFft;
        var bins = (nFft / 2) + 1;
        var binStep = 1.0 / (nFft * (1.0 / sampleRate)); // numpy rfftfreq
        _frequencies = [.. Enumerable.Range(0, bins).Select(k => (float)(k * binStep))];
        _cumulative = new Vector<float>[bins];
        Centroid = new double[frames];
        Bandwidth = new double[frames];
        Rolloff = new double[frames];
        Flatness = new double[frames];
        Rms = new double[frames];
        FrequencyStep = binStep;
    }

    public bool NeedsComplex => false;

    public bool ZeroPadded => false;

    public double FrequencyStep { get; }

    public double[] Centroid { get; }

    public double[] Bandwidth { get; }

    public double[] Rolloff { get; }

    public double[] Flatness { get; }

    public double[] Rms { get; }

    public void Accept(SpectrumBatch spectrum, BatchInfo batch)
    {
        var s = spectrum.Magnitude;
        var first = batch.Index * Vector<float>.Count;
        var sums = Sums(s);
        var (bandwidth, rolloff) = SpreadAndRolloff(s, sums);
        Write(sums.Centroid, Centroid, first, batch.ValidLanes);
        Write(bandwidth, Bandwidth, first, batch.ValidLanes);
        Write(rolloff, Rolloff, first, batch.ValidLanes);
        Write(sums.Flatness, Flatness, first, batch.ValidLanes);
        Write(sums.Rms, Rms, first, batch.ValidLanes);
    }

    // One pass for everything that is a sum over bins: ΣS and Σf·S (centroid), the float32 cumulative sum (rolloff),
    // Σ S² with DC and Nyquist halved (rms), and for flatness Σ max(amin, S²) and Σ log max(amin, S²). The logs split
    // each value into exponent and mantissa: exponents add as integers, mantissas (in [1, 2)) multiply in runs of 8
    // bins, and one log is taken per run.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private BinSums Sums(ReadOnlySpan<Vector<float>> s)
    {
        var amin = new Vector<float>(FlatnessAmin);
        var mantissaMask = new Vector<int>(0x007FFFFF);
        var one = new Vector<int>(0x3F800000);
        Vector<float> sum0 = default, sum1 = default, weighted0 = default, weighted1 = default, energy = default;
        Vector<float> mean0 = default, mean1 = default, logs = default;
        var exponents = Vector<int>.Zero;
        var product = Vector<float>.One;
        var running = Vector<float>.Zero;
        var cumulative = _cumulative;
        var last = s.Length - 1;
        for (var k = 0; k <= last; k++)
        {
            var value = s[k];
            running += value;
            cumulative[k] = running;
            var power = value * value;
            var floored = Vector.Max(power, amin);
            var bits = Vector.AsVectorInt32(floored);
            exponents += Vector.ShiftRightLogical(bits, 23);
            product *= Vector.AsVectorSingle((bits & mantissaMask) | one);
            if ((k & 1) == 0)
            {
                sum0 += value;
                weighted0 = Fused.MulAdd(value, new Vector<float>(_frequencies[k]), weighted0);
                mean0 += floored;
                energy += k == 0 ? power * 0.5f : power;
            }
            else
            {
                sum1 += value;
                weighted1 = Fused.MulAdd(value, new Vector<float>(_frequencies[k]), weighted1);
                mean1 += floored;
                energy += k == last && _nFft % 2 == 0 ? power * 0.5f : power;
            }

            if ((k & (ProductRun - 1)) == ProductRun - 1 || k == last)
            {
                logs += VectorLog.Natural(product);
                product = Vector<float>.One;
            }
        }

        // util.normalize(norm=1): frames whose sum is below float32's tiny are left unnormalised.
        var sum = sum0 + sum1;
        var length = Vector.ConditionalSelect(Vector.LessThan(sum, new Vector<float>(Tiny.Float32)), Vector<float>.One, sum);
        var n = s.Length;
        var logMean = ((Vector.ConvertToSingle(exponents) - new Vector<float>(127f * n)) * MathF.Log(2) + logs) / n;
        var flatness = Vector.Exp(logMean) / ((mean0 + mean1) / n);
        return new BinSums((weighted0 + weighted1) / length, length, running, flatness, Vector.SquareRoot(energy * (2f / ((float)_nFft * _nFft))));
    }

    // Bandwidth: sqrt(Σ S/ΣS · (f − centroid)²). Rolloff: the first bin whose cumulative sum reaches 0.85 · total
    // (float32 products and sums, as numpy's, so the chosen bin is the same).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (Vector<float> Bandwidth, Vector<float> Rolloff) SpreadAndRolloff(ReadOnlySpan<Vector<float>> s, BinSums sums)
    {
        var threshold = sums.Total * RollPercent;
        var rolloff = Vector<float>.Zero;
        var pending = Vector<int>.AllBitsSet;
        Vector<float> spread0 = default, spread1 = default;
        var centroid = sums.Centroid;
        var k = 0;
        for (; k + 1 < s.Length; k += 2)
        {
            var d0 = new Vector<float>(_frequencies[k]) - centroid;
            var d1 = new Vector<float>(_frequencies[k + 1]) - centroid;
            spread0 = Fused.MulAdd(s[k], d0 * d0, spread0);
            spread1 = Fused.MulAdd(s[k + 1], d1 * d1, spread1);
            if (pending != Vector<int>.Zero)
            {
                pending = Reach(pending, k, threshold, ref rolloff);
                pending = Reach(pending, k + 1, threshold, ref rolloff);
            }
        }

        for (; k < s.Length; k++)
        {
            var d = new Vector<float>(_frequencies[k]) - centroid;
            spread0 = Fused.MulAdd(s[k], d * d, spread0);
            pending = Reach(pending, k, threshold, ref rolloff);
        }

        return (Vector.SquareRoot((spread0 + spread1) / sums.Length), rolloff);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector<int> Reach(Vector<int> pending, int k, Vector<float> threshold, ref Vector<float> rolloff)
    {
        var reached = Vector.GreaterThanOrEqual(_cumulative[k], threshold) & pending;
        rolloff = Vector.ConditionalSelect(reached, new Vector<float>(_frequencies[k]), rolloff);
        return pending & ~reached;
    }

    private readonly record struct BinSums(Vector<float> Centroid, Vector<float> Length, Vector<float> Total, Vector<float> Flatness, Vector<float> Rms);

    private static void Write(Vector<float> values, double[] row, int first, int valid)
    {
        for (var l = 0; l < valid; l++)
        {
            row[first + l] = values[l];
        }
    }
}
