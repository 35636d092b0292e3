using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MusicClustering.Audio;

/// <summary>
/// librosa 0.11 <c>effects.hpss(y)</c> reduced to what the GTZAN table keeps, the mean and variance of the harmonic and
/// percussive signals. Median filters of 31 frames along time (harmonic) and 31 bins along frequency (percussive) of
/// |D|, soft masks with power 2 (0.5 where both medians are 0), <c>istft</c> of D·mask_harmonic; the percussive signal
/// is y minus the harmonic one, since the two masks sum to 1 and istft(D) reconstructs y.
/// </summary>
internal static class HarmonicPercussive
{
    public const int KernelSize = 31;

    public static (FrameStatistics Harmony, FrameStatistics Perceptr) Separate(HpssSink stft, StftPlan plan, ReadOnlySpan<float> signal, int frames, StageTimes? times = null)
    {
        var lanes = Vector<float>.Count;
        var bins = stft.Bins;
        var batches = stft.Batches;
        var groups = (bins + lanes - 1) / lanes;
        var framesPadded = batches * lanes;
        var work = WorkArrays.Current;
        var magnitude = work.Get<Vector<float>>("hpss.magnitude", batches * bins);
        var percussive = work.Get<Vector<float>>("hpss.percussive", batches * bins);
        var byBin = work.Get<Vector<float>>("hpss.bybin", groups * framesPadded);
        var harmonicByBin = work.Get<Vector<float>>("hpss.harmonic.bybin", groups * framesPadded);
        var window = new Vector<float>[KernelSize];

        var t0 = Stopwatch.GetTimestamp();
        for (var i = 0; i < batches * bins; i++)
        {
            magnitude[i] = Vector.SquareRoot((stft.Re[i] * stft.Re[i]) + (stft.Im[i] * stft.Im[i]));
        }

        for (var b = 0; b < batches; b++)
        {
            SlidingMedian.Run(magnitude.AsSpan(b * bins, bins), KernelSize, percussive.AsSpan(b * bins, bins), window);
        }

        var t1 = Stopwatch.GetTimestamp();
        times?.Add("hpss.median.frequency", t0, t1);
        LaneTranspose.ToBinMajor(magnitude, bins, batches, byBin);
        for (var g = 0; g < groups; g++)
        {
            SlidingMedian.Run(byBin.AsSpan(g * framesPadded, frames), KernelSize, harmonicByBin.AsSpan(g * framesPadded, frames), window);
        }

        var harmonic = magnitude; // |D| is no longer needed: reuse its buffer for the harmonic medians, frame-major again
        LaneTranspose.ToFrameMajor(harmonicByBin, bins, batches, frames, harmonic);
        var t2 = Stopwatch.GetTimestamp();
        times?.Add("hpss.median.time", t1, t2);

        var harmonicSignal = InverseStft.Run(plan, stft, harmonic, percussive, frames, signal.Length);
        times?.Add("hpss.istft", t2);
        return Statistics(signal, harmonicSignal);
    }

    /// <summary>util.softmask(X, X_ref, power=2, split_zeros=True) in float32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> HarmonicMask(Vector<float> harmonic, Vector<float> percussive)
    {
        var z = Vector.Max(harmonic, percussive);
        var bad = Vector.LessThan(z, new Vector<float>(Tiny.Float32));
        var safe = Vector.ConditionalSelect(bad, Vector<float>.One, z);
        var h = harmonic / safe;
        var p = percussive / safe;
        var mask = (h * h) / ((h * h) + (p * p));
        return Vector.ConditionalSelect(bad, new Vector<float>(0.5f), mask);
    }

    private static (FrameStatistics, FrameStatistics) Statistics(ReadOnlySpan<float> signal, ReadOnlySpan<float> harmonic)
    {
        double sumH = 0, sumP = 0;
        for (var i = 0; i < signal.Length; i++)
        {
            sumH += harmonic[i];
            sumP += signal[i] - harmonic[i];
        }

        var n = signal.Length;
        var meanH = sumH / n;
        var meanP = sumP / n;
        double squaresH = 0, squaresP = 0;
        for (var i = 0; i < n; i++)
        {
            var h = harmonic[i] - meanH;
            var p = signal[i] - harmonic[i] - meanP;
            squaresH += h * h;
            squaresP += p * p;
        }

        return (new FrameStatistics(n, meanH, squaresH / n), new FrameStatistics(n, meanP, squaresP / n));
    }
}
