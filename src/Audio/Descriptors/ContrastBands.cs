namespace MusicClustering.Audio;

/// <summary>
/// librosa 0.11 <c>spectral_contrast</c> bands (fmin 200 Hz, 6 octave bands plus the rest, quantile 0.02): each band's
/// bins, including librosa's extra bin below every band but the first, the last bin dropped for all bands but the top,
/// and how many of the smallest and largest magnitudes are averaged (rint(0.02 · bins), at least 1).
/// </summary>
internal sealed record ContrastBands(int[] Start, int[] Count, int[] Quantile)
{
    public const int DefaultBands = 6;
    public const double DefaultFMin = 200.0;
    public const double DefaultQuantile = 0.02;

    public int Bands => Start.Length;

    public static ContrastBands Create(int sampleRate, int nFft, int nBands = DefaultBands, double fMin = DefaultFMin, double quantile = DefaultQuantile)
    {
        var bins = (nFft / 2) + 1;
        var binStep = 1.0 / (nFft * (1.0 / sampleRate));
        var octaves = new double[nBands + 2];
        for (var i = 1; i < octaves.Length; i++)
        {
            octaves[i] = fMin * Math.Pow(2.0, i - 1);
        }

        if (octaves[nBands] >= 0.5 * sampleRate)
        {
            throw new ArgumentException($"spectral_contrast: the top band edge {octaves[nBands]} Hz must lie below Nyquist ({0.5 * sampleRate} Hz).");
        }

        var start = new int[nBands + 1];
        var count = new int[nBands + 1];
        var q = new int[nBands + 1];
        for (var k = 0; k <= nBands; k++)
        {
            var member = new bool[bins];
            int first = -1, last = -1;
            for (var b = 0; b < bins; b++)
            {
                var f = b * binStep;
                if (f >= octaves[k] && f <= octaves[k + 1])
                {
                    member[b] = true;
                    first = first < 0 ? b : first;
                    last = b;
                }
            }

            if (k > 0)
            {
                member[first - 1] = true;
            }

            if (k == nBands)
            {
                for (var b = last + 1; b < bins; b++)
                {
                    member[b] = true;
                }
            }

            var members = member.Count(m => m);
            var lo = Array.IndexOf(member, true);
            start[k] = lo;
            count[k] = k < nBands ? members - 1 : members; // the band's last bin is dropped below the top band
            q[k] = Math.Max(1, (int)Math.Round(quantile * members, MidpointRounding.ToEven)); // np.rint
        }

        return new ContrastBands(start, count, q);
    }
}
