using System.Collections.Concurrent;

namespace MusicClustering.Audio;

/// <summary>
/// librosa 0.11 <c>filters.chroma</c> (12 bins, ctroct 5, octwidth 2, L2 column norm, base C), computed in float64 and
/// rounded to float32 like librosa's default dtype. Stored by bin ([bin][chroma]) for the per-frame projection.
/// Cached per (sr, n_fft, tuning): tuning takes one of 100 histogram values.
/// </summary>
internal sealed class ChromaFilterbank
{
    public const int Chroma = 12;

    private static readonly ConcurrentDictionary<(int, int, double), ChromaFilterbank> Cache = new();

    private ChromaFilterbank(float[] weights, int bins)
    {
        Weights = weights;
        Bins = bins;
    }

    /// <summary>Weights [bin * 12 + chroma].</summary>
    public float[] Weights { get; }

    public int Bins { get; }

    public float this[int chroma, int bin] => Weights[(bin * Chroma) + chroma];

    public static ChromaFilterbank For(int sampleRate, int nFft, double tuning) =>
        Cache.GetOrAdd((sampleRate, nFft, tuning), key => Create(key.Item1, key.Item2, key.Item3));

    private static ChromaFilterbank Create(int sampleRate, int nFft, double tuning)
    {
        const double ctroct = 5.0;
        const double octwidth = 2.0;
        var a440 = 440.0 * Math.Pow(2.0, tuning / Chroma);
        // frqbins over np.linspace(0, sr, n_fft, endpoint=False)[1:], with bin 0 set 1.5 octaves below bin 1.
        var frqbins = new double[nFft];
        for (var i = 1; i < nFft; i++)
        {
            var frequency = (double)sampleRate * i / nFft;
            frqbins[i] = Chroma * Math.Log2(frequency / (a440 / 16));
        }

        frqbins[0] = frqbins[1] - (1.5 * Chroma);
        var binWidth = new double[nFft];
        for (var i = 0; i < nFft - 1; i++)
        {
            binWidth[i] = Math.Max(frqbins[i + 1] - frqbins[i], 1.0);
        }

        binWidth[nFft - 1] = 1;
        var half = Math.Round(Chroma / 2.0, MidpointRounding.ToEven);
        var bins = (nFft / 2) + 1;
        var weights = new float[bins * Chroma];
        var column = new double[Chroma];
        for (var i = 0; i < bins; i++)
        {
            double norm = 0;
            for (var c = 0; c < Chroma; c++)
            {
                var d = PythonMod(frqbins[i] - c + half + (10 * Chroma), Chroma) - half;
                var w = Math.Exp(-0.5 * Math.Pow(2 * d / binWidth[i], 2));
                column[c] = w;
                norm += w * w;
            }

            norm = Math.Sqrt(norm);
            var octaveWeight = Math.Exp(-0.5 * Math.Pow(((frqbins[i] / Chroma) - ctroct) / octwidth, 2));
            for (var c = 0; c < Chroma; c++)
            {
                // base_c: np.roll(wts, -3) moves row c + 3 to row c.
                var source = (c + 3) % Chroma;
                var normalised = norm < double.Epsilon ? column[source] : column[source] / norm;
                weights[(i * Chroma) + c] = (float)(normalised * octaveWeight);
            }
        }

        return new ChromaFilterbank(weights, bins);
    }

    private static double PythonMod(double x, double m)
    {
        var r = x % m;
        return r != 0 && (r < 0) != (m < 0) ? r + m : r;
    }
}
