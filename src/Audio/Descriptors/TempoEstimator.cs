using System.Numerics;
using System.Runtime.CompilerServices;

namespace MusicClustering.Audio;

/// <summary>
/// librosa 0.11 <c>feature.tempo(onset_envelope=…)</c>: the mean over frames of the normalised autocorrelation of
/// Hann-windowed 8 s windows of the onset envelope (the tempogram, linear-ramp padded), weighted by a log-normal prior
/// around 120 BPM (σ = 1 octave, nothing at or above 320 BPM); the tempo is the best lag's BPM.
/// <para>
/// The windows slide by one frame, so instead of one FFT per frame the autocorrelation at lag k is assembled from
/// five running sums of x[i]·x[i+k] against 1, cos/sin(2πj/L) and cos/sin(4πj/L) (the product w[j]·w[j+k] of two Hann
/// values is a combination of exactly those), each updated in O(1) per frame by a rotation; four lags share one
/// float64 vector. The sums are rebuilt every <see cref="Refresh"/> frames so rounding never accumulates.
/// </para>
/// </summary>
internal static class TempoEstimator
{
    private const double AcSize = 8.0;
    private const double StartBpm = 120.0;
    private const double MaxTempo = 320.0;
    private const int Refresh = 512;
    private const double MinNormal = 2.2250738585072014E-308;

    public static double Estimate(ReadOnlySpan<double> onset, int sampleRate, int hop)
    {
        var window = (int)((long)(AcSize * sampleRate) / hop); // time_to_frames(8.0)
        var mean = MeanTempogram(onset, window);
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var k = 1; k < window; k++)
        {
            var bpm = 60.0 * sampleRate / (hop * (double)k);
            if (bpm >= MaxTempo)
            {
                continue;
            }

            var prior = -0.5 * Math.Pow(Math.Log2(bpm) - Math.Log2(StartBpm), 2);
            var score = Math.Log(1 + (1e6 * mean[k])) + prior;
            if (score > bestScore)
            {
                bestScore = score;
                best = k;
            }
        }

        return best < 0 ? 0 : 60.0 * sampleRate / (hop * (double)best);
    }

    /// <summary>tempogram(onset_envelope, win_length) averaged over frames: mean_t r_t[k] / r_t[0].</summary>
    public static double[] MeanTempogram(ReadOnlySpan<double> onset, int length)
    {
        var n = onset.Length;
        var lanes = Vector<double>.Count;
        var groups = (length + lanes - 1) / lanes;
        var x = Padded(onset, length, extra: (groups * lanes) + lanes);
        // x reversed, after `lanes` zeros: the arriving samples of four lags are then one contiguous load.
        var reversed = new double[x.Length + lanes];
        for (var i = 0; i < x.Length; i++)
        {
            reversed[lanes + i] = x[x.Length - 1 - i];
        }

        var hann = new double[length];
        for (var j = 0; j < length; j++)
        {
            hann[j] = 0.5 - (0.5 * Math.Cos(2 * Math.PI * j / length));
        }

        var lags = new LagConstants(length, groups);
        var sums = new RunningSums(groups);
        var total = new Vector<double>[groups];
        for (var t = 0; t < n; t++)
        {
            if (t % Refresh == 0)
            {
                sums.Rebuild(x, t, length, lags);
            }

            // util.normalize leaves frames below float64's tiny as they are.
            var energy = Energy(x, t, hann);
            var scale = energy >= MinNormal ? 1.0 / energy : 1.0;
            var advance = t + 1 < n && (t + 1) % Refresh != 0;
            sums.AccumulateAndAdvance(x, reversed, t, length, lags, total, scale, advance);
        }

        var result = new double[length];
        for (var k = 0; k < length; k++)
        {
            result[k] = total[k / lanes][k % lanes] / n;
        }

        return result;
    }

    // np.pad(onset, L // 2, mode="linear_ramp", end_values=0), then zeros so vector loads past the end stay in range.
    private static double[] Padded(ReadOnlySpan<double> onset, int length, int extra)
    {
        var pad = length / 2;
        var n = onset.Length;
        var x = new double[n + (2 * pad) + extra];
        for (var i = 0; i < pad; i++)
        {
            x[i] = onset[0] * i / pad;
            x[pad + n + i] = onset[n - 1] * (pad - 1 - i) / pad;
        }

        onset.CopyTo(x.AsSpan(pad));
        return x;
    }

    // r_t[0] = Σ w[j]²·x[t+j]², computed directly: frames of digital silence must give exactly 0.
    private static double Energy(double[] x, int t, double[] hann)
    {
        var lanes = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        var j = 0;
        for (; j + lanes <= hann.Length; j += lanes)
        {
            var v = new Vector<double>(hann, j) * new Vector<double>(x, t + j);
            acc = Fused.MulAdd(v, v, acc);
        }

        var sum = Vector.Sum(acc);
        for (; j < hann.Length; j++)
        {
            var v = hann[j] * x[t + j];
            sum += v * v;
        }

        return sum;
    }

    /// <summary>Per lag k (lanes): cos/sin of a·k and 2a·k, and the Hann-product coefficients of the five sums.</summary>
    private sealed class LagConstants
    {
        private readonly Vector<double>[] _inside;

        public LagConstants(int length, int groups)
        {
            var lanes = Vector<double>.Count;
            var a = 2 * Math.PI / length;
            Length = length;
            C1 = new Vector<double>[groups];
            S1 = new Vector<double>[groups];
            C2 = new Vector<double>[groups];
            S2 = new Vector<double>[groups];
            K0 = new Vector<double>[groups];
            K1 = new Vector<double>[groups];
            Valid = new Vector<double>[groups];
            Span<double> c1 = stackalloc double[lanes], s1 = stackalloc double[lanes], c2 = stackalloc double[lanes], s2 = stackalloc double[lanes];
            Span<double> k0 = stackalloc double[lanes], k1 = stackalloc double[lanes], valid = stackalloc double[lanes];
            for (var g = 0; g < groups; g++)
            {
                for (var l = 0; l < lanes; l++)
                {
                    var k = (g * lanes) + l;
                    c1[l] = Math.Cos(a * k);
                    s1[l] = Math.Sin(a * k);
                    c2[l] = Math.Cos(2 * a * k);
                    s2[l] = Math.Sin(2 * a * k);
                    k0[l] = 0.25 * (1 + (0.5 * c1[l]));
                    k1[l] = 0.25 * (1 + c1[l]);
                    valid[l] = k < length ? 1 : 0;
                }

                C1[g] = new Vector<double>(c1);
                S1[g] = new Vector<double>(s1);
                C2[g] = new Vector<double>(c2);
                S2[g] = new Vector<double>(s2);
                K0[g] = new Vector<double>(k0);
                K1[g] = new Vector<double>(k1);
                Valid[g] = new Vector<double>(valid);
            }

            CosStep = [.. Enumerable.Range(0, length).Select(j => Math.Cos(a * j))];
            SinStep = [.. Enumerable.Range(0, length).Select(j => Math.Sin(a * j))];
            _inside = [.. Enumerable.Range(0, lanes + 1).Select(r => new Vector<double>([.. Enumerable.Range(0, lanes).Select(l => l < r ? 1.0 : 0.0)]))];
            RotateCos1 = Math.Cos(a);
            RotateSin1 = Math.Sin(a);
            RotateCos2 = Math.Cos(2 * a);
            RotateSin2 = Math.Sin(2 * a);
        }

        public int Length { get; }

        /// <summary>cos and sin of a·j, j &lt; L (a·j and 2a·j both index it, modulo L).</summary>
        public double[] CosStep { get; }

        public double[] SinStep { get; }

        public Vector<double>[] C1 { get; }

        public Vector<double>[] S1 { get; }

        public Vector<double>[] C2 { get; }

        public Vector<double>[] S2 { get; }

        public Vector<double>[] K0 { get; }

        public Vector<double>[] K1 { get; }

        public Vector<double>[] Valid { get; }

        /// <summary>1 in the lanes l &lt; <paramref name="remaining"/>, 0 in the others.</summary>
        public Vector<double> Inside(int remaining) => _inside[Math.Clamp(remaining, 0, _inside.Length - 1)];

        public double RotateCos1 { get; }

        public double RotateSin1 { get; }

        public double RotateCos2 { get; }

        public double RotateSin2 { get; }
    }

    /// <summary>Σ_j z[t+j]·{1, e^{iaj}, e^{2iaj}} over j &lt; L − k with z[i] = x[i]·x[i+k], four lags per vector.</summary>
    private sealed class RunningSums(int groups)
    {
        public Vector<double>[] C0 { get; } = new Vector<double>[groups];

        public Vector<double>[] C1 { get; } = new Vector<double>[groups];

        public Vector<double>[] S1 { get; } = new Vector<double>[groups];

        public Vector<double>[] C2 { get; } = new Vector<double>[groups];

        public Vector<double>[] S2 { get; } = new Vector<double>[groups];

        // Direct sums at frame t, four lags per vector: lane l of group g (lag k + l) stops at j < L − k − l.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Rebuild(double[] x, int t, int length, LagConstants lags)
        {
            var lanes = Vector<double>.Count;
            for (var g = 0; g < C0.Length; g++)
            {
                var k = g * lanes;
                Vector<double> c0 = default, c1 = default, s1 = default, c2 = default, s2 = default;
                var full = length - k - (lanes - 1); // every lane still inside its window below this j
                var j = 0;
                for (; j < full; j++)
                {
                    var z = new Vector<double>(x[t + j]) * new Vector<double>(x, t + j + k);
                    c0 += z;
                    c1 = Fused.MulAdd(z, new Vector<double>(lags.CosStep[j]), c1);
                    s1 = Fused.MulAdd(z, new Vector<double>(lags.SinStep[j]), s1);
                    c2 = Fused.MulAdd(z, new Vector<double>(lags.CosStep[(2 * j) % length]), c2);
                    s2 = Fused.MulAdd(z, new Vector<double>(lags.SinStep[(2 * j) % length]), s2);
                }

                for (j = Math.Max(j, 0); j < length - k; j++)
                {
                    var z = new Vector<double>(x[t + j]) * new Vector<double>(x, t + j + k) * lags.Inside(length - k - j);
                    c0 += z;
                    c1 = Fused.MulAdd(z, new Vector<double>(lags.CosStep[j]), c1);
                    s1 = Fused.MulAdd(z, new Vector<double>(lags.SinStep[j]), s1);
                    c2 = Fused.MulAdd(z, new Vector<double>(lags.CosStep[(2 * j) % length]), c2);
                    s2 = Fused.MulAdd(z, new Vector<double>(lags.SinStep[(2 * j) % length]), s2);
                }

                C0[g] = c0;
                C1[g] = c1;
                S1[g] = s1;
                C2[g] = c2;
                S2[g] = s2;
            }
        }

        // r_t[k] from the sums (w[j]·w[j+k] = ¼[(1 + ½cos ak) − (1 + cos ak)·cos aj + sin ak·sin aj + ½cos ak·cos 2aj
        // − ½sin ak·sin 2aj]) added to the total with the frame's normalisation, then the sums moved to t + 1:
        // E(t+1) = e^{−ima}·(E(t) − z[t] + z[t+M]·e^{−imak}), M = L − k, z[t] = x[t]·x[t+k] leaving and
        // z[t+M] = x[t+L−k]·x[t+L] arriving (read from the reversed copy, so four lags are one load there too).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AccumulateAndAdvance(double[] x, double[] reversed, int t, int length, LagConstants lags, Vector<double>[] total, double scale, bool advance)
        {
            var lanes = Vector<double>.Count;
            var quarter = new Vector<double>(0.25);
            var eighth = new Vector<double>(0.125);
            var normalise = new Vector<double>(scale);
            var leavingScale = new Vector<double>(x[t]);
            var arrivingScale = new Vector<double>(x[t + length]);
            var last = x.Length - 1;
            var rc1 = new Vector<double>(lags.RotateCos1);
            var rs1 = new Vector<double>(lags.RotateSin1);
            var rc2 = new Vector<double>(lags.RotateCos2);
            var rs2 = new Vector<double>(lags.RotateSin2);
            for (var g = 0; g < C0.Length; g++)
            {
                var cosLag = lags.C1[g];
                var sinLag = lags.S1[g];
                var r = (lags.K0[g] * C0[g]) - (lags.K1[g] * C1[g]) + (quarter * sinLag * S1[g]) + (eighth * ((cosLag * C2[g]) - (sinLag * S2[g])));
                total[g] = Fused.MulAdd(r * lags.Valid[g], normalise, total[g]);
                if (!advance)
                {
                    continue;
                }

                var k = g * lanes;
                var leaving = leavingScale * new Vector<double>(x, t + k);
                var arriving = arrivingScale * new Vector<double>(reversed, lanes + last - t - length + k);
                C0[g] += arriving - leaving;
                Rotate(ref C1[g], ref S1[g], leaving, arriving, cosLag, sinLag, rc1, rs1);
                Rotate(ref C2[g], ref S2[g], leaving, arriving, lags.C2[g], lags.S2[g], rc2, rs2);
            }
        }

        // u = E − leaving + arriving·(cos mak − i·sin mak); E ← u·(cos ma − i·sin ma).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Rotate(ref Vector<double> c, ref Vector<double> s, Vector<double> leaving, Vector<double> arriving,
            Vector<double> cosLag, Vector<double> sinLag, Vector<double> cosStep, Vector<double> sinStep)
        {
            var ur = c - leaving + (arriving * cosLag);
            var ui = s - (arriving * sinLag);
            c = (ur * cosStep) + (ui * sinStep);
            s = (ui * cosStep) - (ur * sinStep);
        }
    }
}
