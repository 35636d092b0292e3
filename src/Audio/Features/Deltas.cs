using System.Numerics;

namespace MusicClustering.Audio;

/// <summary>
/// librosa.feature.delta (order 1, mode 'interp'): a Savitzky–Golay first derivative, i.e. the least-squares slope
/// over <c>width</c> frames; the edge frames take the slope of the first/last full window, as 'interp' does.
/// </summary>
public static class Deltas
{
    public static MfccMatrix Compute(MfccMatrix m, int width = FeatureConfig.DeltaWidth)
    {
        if (width < 3 || width % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "Delta width must be odd and ≥ 3.");
        }

        var frames = m.Frames;
        var values = new float[m.Values.Length];
        if (frames < 2)
        {
            return new MfccMatrix(m.Coefficients, frames, values);
        }

        // With fewer frames than the window, fit one line to all frames.
        var w = Math.Min(width, frames % 2 == 1 ? frames : frames - 1);
        var half = w / 2;
        double denominator = 0;
        for (var j = -half; j <= half; j++)
        {
            denominator += j * j;
        }

        var lanes = Vector<float>.Count;
        var weights = new float[w];
        for (var j = 0; j < w; j++)
        {
            weights[j] = (float)((j - half) / denominator);
        }

        for (var c = 0; c < m.Coefficients; c++)
        {
            var row = m.Row(c);
            var output = values.AsSpan(c * frames, frames);
            // Interior frames eight at a time (the window slides with t): Σ_j (j − half)·x[t − half + j] / Σ j².
            var t = half;
            for (; t + lanes <= frames - half; t += lanes)
            {
                var acc = Vector<float>.Zero;
                for (var j = 0; j < w; j++)
                {
                    acc += new Vector<float>(row[(t - half + j)..]) * weights[j];
                }

                acc.CopyTo(output[t..]);
            }

            for (var f = 0; f < frames; f++)
            {
                if (f >= half && f < t)
                {
                    continue;
                }

                // Edges (and the interior's tail): 'interp' fits the first/last full window.
                var centre = Math.Clamp(f, half, frames - 1 - half);
                double acc = 0;
                for (var j = -half; j <= half; j++)
                {
                    acc += j * (double)row[centre + j];
                }

                output[f] = (float)(acc / denominator);
            }
        }

        return new MfccMatrix(m.Coefficients, frames, values);
    }
}
