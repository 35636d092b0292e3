using System.Collections.Concurrent;

namespace MusicClustering.Audio;

/// <summary>
/// A Kaiser-windowed sinc interpolation filter in resampy's table form: <see cref="NumZeros"/> zero crossings
/// per side, 2^<see cref="Precision"/> table entries per zero crossing, cut-off at <see cref="Rolloff"/> × Nyquist.
/// </summary>
public sealed record ResamplingFilter(int NumZeros, int Precision, double Beta, double Rolloff)
{
    // Tables live outside the record so equality stays value-based; each is built once per distinct filter.
    private static readonly ConcurrentDictionary<ResamplingFilter, Lazy<double[]>> Tables = new();

    /// <summary>resampy ≥ 0.3 'kaiser_best' (the filter librosa's res_type='kaiser_best' uses): 50 zeros, β 12.9846, roll-off 0.917347.</summary>
    public static ResamplingFilter KaiserBest { get; } = new(50, 13, 12.9846, 0.917347);

    /// <summary>resampy ≤ 0.2 'kaiser_best': 64 zeros, β 14.7697, roll-off 0.94759.</summary>
    public static ResamplingFilter KaiserBestLegacy { get; } = new(64, 9, 14.769656459379492, 0.9475937167399596);

    /// <summary>resampy 'kaiser_fast': 16 zeros, β 8.5555, roll-off 0.85.</summary>
    public static ResamplingFilter KaiserFast { get; } = new(16, 9, 8.555504641634386, 0.85);

    internal int TableSize => 1 << Precision;

    /// <summary>Right half of the windowed sinc, sampled at 1/2^Precision of a zero crossing (built once, cached).</summary>
    internal double[] HalfWindow => Tables.GetOrAdd(this, f => new Lazy<double[]>(f.Build)).Value;

    private double[] Build()
    {
        var n = TableSize * NumZeros;
        var result = new double[n + 1];
        var i0Beta = BesselI0(Beta);
        for (var j = 0; j <= n; j++)
        {
            var t = (double)j * NumZeros / n;
            var x = Rolloff * t;
            var sinc = x == 0 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
            var r = (double)j / n;
            var taper = BesselI0(Beta * Math.Sqrt(Math.Max(0, 1 - (r * r)))) / i0Beta;
            result[j] = Rolloff * sinc * taper;
        }

        return result;
    }

    private static double BesselI0(double x)
    {
        // Power series; converges quickly for the β ≤ 20 used here.
        double sum = 1, term = 1, q = x * x / 4;
        for (var k = 1; k < 200; k++)
        {
            term *= q / ((double)k * k);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
