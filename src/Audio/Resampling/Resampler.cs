namespace MusicClustering.Audio;

/// <summary>
/// Band-limited sample-rate conversion (Smith's windowed-sinc interpolation, the algorithm of resampy/librosa
/// 'kaiser_best'); see README.md in this folder for its measured pass-band ripple and stop-band attenuation.
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

        filter ??= ResamplingFilter.KaiserBest;
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

    // Linear interpolation within the table; resampy's delta at the last entry is zero.
    private static double Weight(double[] window, int index, double eta)
    {
        var delta = index + 1 < window.Length ? window[index + 1] - window[index] : 0.0;
        return window[index] + (eta * delta);
    }
}
