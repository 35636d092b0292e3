using System.Numerics;

namespace MusicClustering.Audio;

/// <summary>
/// Band-limited sample-rate conversion (Smith's windowed-sinc interpolation, the algorithm of resampy/librosa
/// 'kaiser_best'). Measured quality (src/Audio/README.md): pass-band ripple ≤ 0.0015 dB up to 0.8 × the target
/// Nyquist, stop-band ≤ −135 dB from 1.1 × (44.1 → 22.05 kHz).
/// </summary>
public static class Resampler
{
    private const int MaxPhases = 4096;

    /// <summary>
    /// Resamples <paramref name="input"/> from <paramref name="sourceRate"/> to <paramref name="targetRate"/>.
    /// Output length is ceil(n · target / source) like librosa.resample; identity (a copy) when the rates match.
    /// </summary>
    public static float[] Resample(ReadOnlySpan<float> input, int sourceRate, int targetRate, ResamplingFilter? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetRate);
        if (sourceRate == targetRate)
        {
            return input.ToArray();
        }

        filter ??= ResamplingFilter.KaiserBest;
        var gcd = (int)BigInteger.GreatestCommonDivisor(sourceRate, targetRate);
        var phases = targetRate / gcd;
        return phases <= MaxPhases
            ? ResamplePolyphase(input, sourceRate / gcd, phases, filter)
            : ResampleDirect(input, sourceRate, targetRate, filter);
    }

    /// <summary>
    /// Rational ratio L/M with few phases: the weights resampy would interpolate from its table are computed once per
    /// phase, then every output sample is one vectorised dot product over a zero-padded copy of the input.
    /// </summary>
    internal static float[] ResamplePolyphase(ReadOnlySpan<float> input, int step, int phases, ResamplingFilter filter)
    {
        var ratio = (double)phases / step;
        var outLength = (int)Math.Ceiling(input.Length * ratio);
        var computed = (int)(input.Length * ratio);
        var scale = Math.Min(1.0, ratio);
        var kernels = PhaseKernels(filter, phases, scale, out var left, out var taps);

        // Input with `left` zeros before and enough after that every window stays in range.
        var padded = new double[input.Length + taps + 1];
        for (var i = 0; i < input.Length; i++)
        {
            padded[left + i] = input[i];
        }

        var output = new float[outLength];
        var lanes = Vector<double>.Count;
        for (var t = 0; t < computed; t++)
        {
            var position = (long)t * step;
            var n = (int)(position / phases);
            var phase = (int)(position % phases);
            var kernel = kernels.AsSpan(phase * taps, taps);
            var window = padded.AsSpan(n + 1, taps); // x[n + 1 - left ...] after the `left` leading zeros
            var acc = Vector<double>.Zero;
            var j = 0;
            for (; j <= taps - lanes; j += lanes)
            {
                acc += new Vector<double>(window[j..]) * new Vector<double>(kernel[j..]);
            }

            var sum = Vector.Sum(acc);
            for (; j < taps; j++)
            {
                sum += window[j] * kernel[j];
            }

            output[t] = (float)sum;
        }

        return output;
    }

    /// <summary>Direct form for ratios with very many phases: resampy's loop, weights interpolated per sample.</summary>
    internal static float[] ResampleDirect(ReadOnlySpan<float> input, int sourceRate, int targetRate, ResamplingFilter filter)
    {
        var ratio = (double)targetRate / sourceRate;
        var outLength = (int)Math.Ceiling(input.Length * ratio);
        var computed = (int)(input.Length * ratio); // resampy's length; librosa zero-pads to the ceiling
        var output = new float[outLength];

        var window = filter.HalfWindow;
        var scale = Math.Min(1.0, ratio);
        var numTable = filter.TableSize;
        var indexStep = (int)(scale * numTable);
        var windowLength = window.Length;
        var timeIncrement = 1.0 / ratio;

        for (var t = 0; t < computed; t++)
        {
            var time = t * timeIncrement;
            var n = (int)time;
            var frac = scale * (time - n);
            double acc = 0;

            // Left wing: x[n], x[n-1], ...
            var indexFrac = frac * numTable;
            var offset = (int)indexFrac;
            var eta = indexFrac - offset;
            var iMax = Math.Min(n + 1, (windowLength - offset) / indexStep);
            for (var i = 0; i < iMax; i++)
            {
                acc += Weight(window, offset + (i * indexStep), eta) * input[n - i];
            }

            // Right wing: x[n+1], x[n+2], ...
            indexFrac = (scale - frac) * numTable;
            offset = (int)indexFrac;
            eta = indexFrac - offset;
            var kMax = Math.Min(input.Length - n - 1, (windowLength - offset) / indexStep);
            for (var k = 0; k < kMax; k++)
            {
                acc += Weight(window, offset + (k * indexStep), eta) * input[n + k + 1];
            }

            output[t] = (float)(acc * scale);
        }

        return output;
    }

    /// <summary>
    /// Per phase p (fractional position p/phases), the weights of x[n + 1 − left … n − left + taps], ascending, scaled
    /// by <paramref name="scale"/>; the same values resampy's inner loops compute.
    /// </summary>
    private static double[] PhaseKernels(ResamplingFilter filter, int phases, double scale, out int left, out int taps)
    {
        var window = filter.HalfWindow;
        var numTable = filter.TableSize;
        var indexStep = (int)(scale * numTable);
        var wingLength = (window.Length / indexStep) + 1; // upper bound of taps on either side
        left = wingLength;
        taps = 2 * wingLength;
        var kernels = new double[phases * taps];
        for (var p = 0; p < phases; p++)
        {
            var kernel = kernels.AsSpan(p * taps, taps);
            var frac = scale * p / phases;

            // x[n - i] sits at index left - 1 - i.
            var indexFrac = frac * numTable;
            var offset = (int)indexFrac;
            var eta = indexFrac - offset;
            var count = (window.Length - offset) / indexStep;
            for (var i = 0; i < count; i++)
            {
                kernel[left - 1 - i] = Weight(window, offset + (i * indexStep), eta) * scale;
            }

            // x[n + 1 + k] sits at index left + k.
            indexFrac = (scale - frac) * numTable;
            offset = (int)indexFrac;
            eta = indexFrac - offset;
            count = (window.Length - offset) / indexStep;
            for (var k = 0; k < count; k++)
            {
                kernel[left + k] = Weight(window, offset + (k * indexStep), eta) * scale;
            }
        }

        return kernels;
    }

    // Linear interpolation within the table; resampy's delta at the last entry is zero.
    private static double Weight(double[] window, int index, double eta)
    {
        var delta = index + 1 < window.Length ? window[index + 1] - window[index] : 0.0;
        return window[index] + (eta * delta);
    }
}
