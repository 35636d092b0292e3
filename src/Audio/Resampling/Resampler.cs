using System.Numerics;

namespace MusicClustering.Audio;

/// <summary>
/// Band-limited sample-rate conversion (Smith's windowed-sinc interpolation, the algorithm of resampy/librosa
/// 'kaiser_best'), of a whole signal; <see cref="StreamingResampler"/> does the work, also for signals read in chunks.
/// Rational ratios with at most 4096 phases use precomputed per-phase weights (one dot product per output); others
/// resampy's per-sample loop. Measured quality (src/Audio/README.md): pass-band ripple ≤ 0.0015 dB up to 0.8 × the target
/// Nyquist, stop-band ≤ −135 dB from 1.1 × (44.1 → 22.05 kHz).
/// </summary>
public static class Resampler
{
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

        return Run(input, new StreamingResampler(sourceRate, targetRate, filter));
    }

    /// <summary>The polyphase form for the reduced ratio phases / step (tests compare it with the direct form).</summary>
    internal static float[] ResamplePolyphase(ReadOnlySpan<float> input, int step, int phases, ResamplingFilter filter) =>
        Run(input, new StreamingResampler(step, phases, filter, polyphase: true));

    /// <summary>resampy's per-sample loop, whatever the ratio.</summary>
    internal static float[] ResampleDirect(ReadOnlySpan<float> input, int sourceRate, int targetRate, ResamplingFilter filter) =>
        Run(input, new StreamingResampler(sourceRate, targetRate, filter, polyphase: false));

    private static float[] Run(ReadOnlySpan<float> input, StreamingResampler resampler)
    {
        var queue = new SampleQueue();
        resampler.Push(input, queue);
        resampler.Finish(queue);
        var output = new float[queue.Count];
        queue.Take(output);
        return output;
    }

    /// <summary>
    /// Per phase p (fractional position p/phases), the weights of x[n + 1 − left … n − left + taps], ascending, scaled
    /// by <paramref name="scale"/>; the same values resampy's inner loops compute.
    /// </summary>
    internal static double[] PhaseKernels(ResamplingFilter filter, int phases, double scale, out int left, out int taps)
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
    internal static double Weight(double[] window, int index, double eta)
    {
        var delta = index + 1 < window.Length ? window[index + 1] - window[index] : 0.0;
        return window[index] + (eta * delta);
    }
}
