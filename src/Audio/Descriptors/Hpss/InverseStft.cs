using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MusicClustering.Audio;

/// <summary>
/// librosa 0.11 <c>istft(D·mask, length=len(y))</c> of the harmonic part: each batch's masked spectra go through the
/// inverse real FFT (lane = frame), are windowed and overlap-added (8×8 transposes turn lanes back into rows), and the
/// sum is divided by the window's squared sum wherever that exceeds float32's tiny. float32 like librosa's output.
/// </summary>
internal static class InverseStft
{
    public static float[] Run(StftPlan plan, HpssSink stft, ReadOnlySpan<Vector<float>> harmonic, ReadOnlySpan<Vector<float>> percussive, int frames, int length)
    {
        var nFft = plan.NFft;
        var hop = plan.HopLength;
        var bins = stft.Bins;
        var lanes = Vector<float>.Count;
        var paddedLength = nFft + (hop * (frames - 1));
        var padded = WorkArrays.Current.Get<float>("istft.padded", paddedLength + (lanes * hop) + nFft);
        padded.AsSpan().Clear();
        var re = new Vector<float>[bins];
        var im = new Vector<float>[bins];
        var zr = new Vector<float>[nFft / 2];
        var zi = new Vector<float>[nFft / 2];
        var output = new Vector<float>[nFft];
        for (var b = 0; b < stft.Batches; b++)
        {
            var offset = b * bins;
            for (var k = 0; k < bins; k++)
            {
                var mask = HarmonicPercussive.HarmonicMask(harmonic[offset + k], percussive[offset + k]);
                re[k] = stft.Re[offset + k] * mask;
                im[k] = stft.Im[offset + k] * mask;
            }

            plan.Fft.Inverse(re, im, zr, zi, output);
            OverlapAdd(output, plan.Window, padded, b * lanes * hop, hop, Math.Min(lanes, frames - (b * lanes)));
        }

        var result = WorkArrays.Current.Get<float>("istft.harmonic", length);
        var periodic = PeriodicSumSquare(plan.Window, hop);
        var start = plan.Pad;
        for (var i = 0; i < length; i++)
        {
            var j = start + i;
            var y = j < paddedLength ? padded[j] : 0f;
            var norm = j < paddedLength ? SumSquare(plan.Window, periodic, hop, frames, j) : 0f;
            result[i] = norm > Tiny.Float32 ? y / norm : y;
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void OverlapAdd(Vector<float>[] frames, float[] window, float[] padded, int first, int hop, int valid)
    {
        var lanes = Vector<float>.Count;
        if (lanes == 8 && System.Runtime.Intrinsics.X86.Avx.IsSupported && window.Length % 8 == 0)
        {
            ref var f = ref frames[0];
            Span<Vector256<float>> rows = stackalloc Vector256<float>[8];
            for (var n = 0; n < window.Length; n += 8)
            {
                var r0 = Unsafe.Add(ref f, n).AsVector256();
                var r1 = Unsafe.Add(ref f, n + 1).AsVector256();
                var r2 = Unsafe.Add(ref f, n + 2).AsVector256();
                var r3 = Unsafe.Add(ref f, n + 3).AsVector256();
                var r4 = Unsafe.Add(ref f, n + 4).AsVector256();
                var r5 = Unsafe.Add(ref f, n + 5).AsVector256();
                var r6 = Unsafe.Add(ref f, n + 6).AsVector256();
                var r7 = Unsafe.Add(ref f, n + 7).AsVector256();
                FrameBatchLoader.Transpose8(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);
                var w = Vector256.Create(window, n);
                rows[0] = r0;
                rows[1] = r1;
                rows[2] = r2;
                rows[3] = r3;
                rows[4] = r4;
                rows[5] = r5;
                rows[6] = r6;
                rows[7] = r7;
                for (var l = 0; l < valid; l++)
                {
                    var target = first + (l * hop) + n;
                    (Vector256.Create(padded, target) + (rows[l] * w)).CopyTo(padded, target);
                }
            }

            return;
        }

        for (var l = 0; l < valid; l++)
        {
            for (var n = 0; n < window.Length; n++)
            {
                padded[first + (l * hop) + n] += frames[n][l] * window[n];
            }
        }
    }

    // window_sumsquare: Σ_t w²[j − t·hop] over the frames; where every frame covering j exists, a hop-periodic table.
    private static float[] PeriodicSumSquare(float[] window, int hop)
    {
        var periodic = new float[hop];
        for (var j = 0; j < hop; j++)
        {
            for (var m = j; m < window.Length; m += hop)
            {
                periodic[j] += window[m] * window[m];
            }
        }

        return periodic;
    }

    private static float SumSquare(float[] window, float[] periodic, int hop, int frames, int j)
    {
        var nFft = window.Length;
        if (j >= nFft && j < (frames - 1) * hop)
        {
            return periodic[j % hop];
        }

        float sum = 0;
        for (var t = Math.Max(0, (j - nFft + hop) / hop); t < frames && t * hop <= j; t++)
        {
            var m = j - (t * hop);
            if (m < nFft)
            {
                sum += window[m] * window[m];
            }
        }

        return sum;
    }
}
