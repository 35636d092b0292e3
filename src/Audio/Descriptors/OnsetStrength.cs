using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MusicClustering.Audio;

/// <summary>
/// librosa 0.11 <c>onset.onset_strength(y)</c>: the positive first difference (lag 1) of
/// power_to_db(melspectrogram(y)) (top_db 80), aggregated over mel bands by the mean (onset_strength's default) or the
/// median (what <c>beat.beat_track</c> asks for, and so the GTZAN table's tempo), shifted by lag + n_fft / (2·hop)
/// frames of zeros and cut to the frame count. librosa pads this STFT with zeros, so beside a reflect-padded pass the
/// edge batches come from a second, zero-padded sink. Eight frames at a time, one per lane.
/// </summary>
internal static class OnsetStrength
{
    private const int Lag = 1;
    private const double TopDb = 80.0;

    public static double[] Compute(MelSpectrogramSink main, MelSpectrogramSink? zeroPaddedEdges, int frames, int nFft, int hop, bool median = false)
    {
        var bands = main.Bands;
        var lanes = Vector<float>.Count;
        var max = double.NegativeInfinity;
        for (var b = 0; b < main.Batches; b++)
        {
            max = Math.Max(max, Source(main, zeroPaddedEdges, b).BatchMax[b]);
        }

        var floor = new Vector<float>((float)(max - TopDb));
        var onset = new double[frames];
        var shift = Lag + (nFft / (2 * hop));
        var differences = new Vector<float>[bands];
        var sorted = new Vector<float>[(bands / 2) + 1];
        for (var b = 0; b < main.Batches; b++)
        {
            var current = Source(main, zeroPaddedEdges, b).Values.AsSpan(b * bands, bands);
            var previous = b > 0 ? Source(main, zeroPaddedEdges, b - 1).Values.AsSpan((b - 1) * bands, bands) : current;
            for (var m = 0; m < bands; m++)
            {
                var now = Vector.Max(current[m], floor);
                var before = Vector.Max(previous[m], floor);
                differences[m] = Vector.Max(now - PreviousFrames(now, before), Vector<float>.Zero);
            }

            var aggregate = median ? Median(differences, sorted) : Mean(differences);
            for (var l = 0; l < lanes; l++)
            {
                var t = (b * lanes) + l; // onset of frame t against frame t − 1
                if (t >= Lag && t - Lag + shift < frames)
                {
                    onset[t - Lag + shift] = aggregate[l];
                }
            }
        }

        return onset;
    }

    // Lane l − 1 of `now` in lane l, and the last lane of the previous batch in lane 0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> PreviousFrames(Vector<float> now, Vector<float> before)
    {
        if (Vector<float>.Count == 8 && Avx2.IsSupported)
        {
            var rotate = Vector256.Create(7, 0, 1, 2, 3, 4, 5, 6);
            return Avx.Blend(Avx2.PermuteVar8x32(now.AsVector256(), rotate), Avx2.PermuteVar8x32(before.AsVector256(), rotate), 0b0000_0001).AsVector();
        }

        Span<float> lanes = stackalloc float[Vector<float>.Count];
        lanes[0] = before[Vector<float>.Count - 1];
        for (var l = 1; l < lanes.Length; l++)
        {
            lanes[l] = now[l - 1];
        }

        return new Vector<float>(lanes);
    }

    private static Vector<float> Mean(ReadOnlySpan<Vector<float>> values)
    {
        var sum = Vector<float>.Zero;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    // np.median over bands, per lane: the (n/2 + 1) smallest kept sorted by compare-exchange insertion; for even n the
    // float32 mean of the middle two.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector<float> Median(ReadOnlySpan<Vector<float>> values, Span<Vector<float>> sorted)
    {
        var n = values.Length;
        var keep = (n / 2) + 1;
        var low = sorted[..keep];
        low.Fill(new Vector<float>(float.PositiveInfinity));
        foreach (var value in values)
        {
            if (Vector.LessThanAny(value, low[keep - 1]))
            {
                var v = value;
                for (var i = 0; i < keep; i++)
                {
                    var smaller = Vector.Min(low[i], v);
                    v = Vector.Max(low[i], v);
                    low[i] = smaller;
                }
            }
        }

        return n % 2 == 1 ? low[n / 2] : (low[(n / 2) - 1] + low[n / 2]) / 2f;
    }

    private static MelSpectrogramSink Source(MelSpectrogramSink main, MelSpectrogramSink? edges, int batch) =>
        edges is not null && !float.IsNegativeInfinity(edges.BatchMax[batch]) ? edges : main;
}
