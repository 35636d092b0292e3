using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MusicClustering.Audio;

/// <summary>
/// librosa 0.11 <c>onset.onset_strength(y)</c>: the mean over mel bands of the positive first difference (lag 1) of
/// power_to_db(melspectrogram(y)) (top_db 80), shifted by lag + n_fft / (2·hop) frames of zeros and cut to the frame
/// count. librosa pads this STFT with zeros, so beside a reflect-padded pass the edge batches come from a second,
/// zero-padded sink.
/// </summary>
internal static class OnsetStrength
{
    private const int Lag = 1;
    private const double TopDb = 80.0;

    public static double[] Compute(MelSpectrogramSink main, MelSpectrogramSink? zeroPaddedEdges, int frames, int nFft, int hop)
    {
        var bands = main.Bands;
        var lanes = Vector<float>.Count;
        var max = double.NegativeInfinity;
        for (var b = 0; b < main.Batches; b++)
        {
            max = Math.Max(max, Source(main, zeroPaddedEdges, b).BatchMax[b]);
        }

        var floor = (float)(max - TopDb);
        var onset = new double[frames];
        var shift = Lag + (nFft / (2 * hop));
        if (lanes == 8 && Avx2.IsSupported)
        {
            Vectorised(main, zeroPaddedEdges, frames, floor, shift, onset);
        }
        else
        {
            Scalar(main, zeroPaddedEdges, frames, floor, shift, onset);
        }

        return onset;
    }

    // Eight frames at once: the previous frame of lane l is lane l − 1, and lane 0's is lane 7 of the previous batch.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Vectorised(MelSpectrogramSink main, MelSpectrogramSink? edges, int frames, float floor, int shift, double[] onset)
    {
        var bands = main.Bands;
        var rotate = Vector256.Create(7, 0, 1, 2, 3, 4, 5, 6);
        var floorVector = Vector256.Create(floor);
        var zero = Vector256<float>.Zero;
        for (var b = 0; b < main.Batches; b++)
        {
            var current = Source(main, edges, b).Values.AsSpan(b * bands, bands);
            var previous = b > 0 ? Source(main, edges, b - 1).Values.AsSpan((b - 1) * bands, bands) : current;
            var sum = Vector256<float>.Zero;
            for (var m = 0; m < bands; m++)
            {
                var now = Avx.Max(current[m].AsVector256(), floorVector);
                var before = Avx.Max(previous[m].AsVector256(), floorVector);
                var shifted = Avx.Blend(Avx2.PermuteVar8x32(now, rotate), Avx2.PermuteVar8x32(before, rotate), 0b0000_0001);
                sum += Avx.Max(now - shifted, zero);
            }

            for (var l = 0; l < 8; l++)
            {
                var t = (b * 8) + l; // onset of frame t against frame t − 1
                if (t >= Lag && t - Lag + shift < frames)
                {
                    onset[t - Lag + shift] = sum.GetElement(l) / bands;
                }
            }
        }
    }

    private static void Scalar(MelSpectrogramSink main, MelSpectrogramSink? edges, int frames, float floor, int shift, double[] onset)
    {
        var bands = main.Bands;
        var lanes = Vector<float>.Count;
        var previous = new float[bands];
        var current = new float[bands];
        for (var t = 0; t < frames; t++)
        {
            var source = Source(main, edges, t / lanes);
            var offset = (t / lanes) * bands;
            var lane = t % lanes;
            for (var m = 0; m < bands; m++)
            {
                current[m] = Math.Max(source.Values[offset + m][lane], floor);
            }

            if (t >= Lag && t - Lag + shift < frames)
            {
                float sum = 0;
                for (var m = 0; m < bands; m++)
                {
                    sum += Math.Max(0f, current[m] - previous[m]);
                }

                onset[t - Lag + shift] = sum / bands;
            }

            (previous, current) = (current, previous);
        }
    }

    private static MelSpectrogramSink Source(MelSpectrogramSink main, MelSpectrogramSink? edges, int batch) =>
        edges is not null && !float.IsNegativeInfinity(edges.BatchMax[batch]) ? edges : main;
}
