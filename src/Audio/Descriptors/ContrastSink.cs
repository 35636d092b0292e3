using System.Numerics;
using System.Runtime.CompilerServices;

namespace MusicClustering.Audio;

/// <summary>
/// librosa 0.11 <c>spectral_contrast(S=S)</c>: per band and frame, the mean of the q smallest (valley) and q largest
/// (peak) magnitudes, found for all frames of a batch at once by insertion into sorted lanes (no sort). dB conversion
/// waits for the end of the pass, because power_to_db's top_db floor is relative to the whole peak (and valley) matrix.
/// </summary>
internal sealed class ContrastSink : ISpectrumSink
{
    private readonly ContrastBands _bands;
    private readonly int _frames;
    private readonly Vector<float>[] _low;
    private readonly Vector<float>[] _high;

    public ContrastSink(ContrastBands bands, int frames)
    {
        _bands = bands;
        _frames = frames;
        var q = bands.Quantile.Max();
        _low = new Vector<float>[q];
        _high = new Vector<float>[q];
        Peak = new float[bands.Bands * frames];
        Valley = new float[bands.Bands * frames];
    }

    public bool NeedsComplex => false;

    public bool ZeroPadded => false;

    /// <summary>Mean of the q largest magnitudes, [band, frame].</summary>
    public float[] Peak { get; }

    /// <summary>Mean of the q smallest magnitudes, [band, frame].</summary>
    public float[] Valley { get; }

    public void Accept(SpectrumBatch spectrum, BatchInfo batch)
    {
        var s = spectrum.Magnitude;
        var first = batch.Index * Vector<float>.Count;
        for (var band = 0; band < _bands.Bands; band++)
        {
            var q = _bands.Quantile[band];
            var (valley, peak) = Extremes(s.Slice(_bands.Start[band], _bands.Count[band]), q);
            var row = band * _frames;
            for (var l = 0; l < batch.ValidLanes; l++)
            {
                Valley[row + first + l] = valley[l];
                Peak[row + first + l] = peak[l];
            }
        }
    }

    /// <summary>spectral_contrast: power_to_db(peak) − power_to_db(valley), each clipped 80 dB below its own maximum.</summary>
    public DescriptorMatrix Finish()
    {
        var peakDb = Decibels.PowerToDb(Peak, topDb: 80);
        var valleyDb = Decibels.PowerToDb(Valley, topDb: 80);
        var rows = new double[_bands.Bands][];
        for (var band = 0; band < rows.Length; band++)
        {
            rows[band] = new double[_frames];
            for (var t = 0; t < _frames; t++)
            {
                rows[band][t] = peakDb[(band * _frames) + t] - valleyDb[(band * _frames) + t];
            }
        }

        return new DescriptorMatrix(DescriptorSet.Contrast, rows);
    }

    // The q smallest and q largest per lane, kept sorted by compare-exchange insertion; a value inside the current
    // bound in every lane changes nothing and is skipped. Spectra fall with frequency, so the largest are sought from
    // the band's low end and the smallest from its high end: few values then need inserting.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (Vector<float> Valley, Vector<float> Peak) Extremes(ReadOnlySpan<Vector<float>> values, int q)
    {
        if (q == 1)
        {
            var min = values[0];
            var max = values[0];
            foreach (var v in values[1..])
            {
                min = Vector.Min(min, v);
                max = Vector.Max(max, v);
            }

            return (min, max);
        }

        var low = _low.AsSpan(0, q);
        var high = _high.AsSpan(0, q);
        low.Fill(new Vector<float>(float.PositiveInfinity));
        high.Fill(new Vector<float>(float.NegativeInfinity));
        for (var k = values.Length - 1; k >= 0; k--)
        {
            var v = values[k];
            if (Vector.LessThanAny(v, low[q - 1]))
            {
                for (var i = 0; i < q; i++)
                {
                    var smaller = Vector.Min(low[i], v);
                    v = Vector.Max(low[i], v);
                    low[i] = smaller;
                }
            }
        }

        foreach (var value in values)
        {
            if (Vector.GreaterThanAny(value, high[q - 1]))
            {
                var v = value;
                for (var i = 0; i < q; i++)
                {
                    var larger = Vector.Max(high[i], v);
                    v = Vector.Min(high[i], v);
                    high[i] = larger;
                }
            }
        }

        Vector<float> lowSum = default, highSum = default;
        for (var i = 0; i < q; i++)
        {
            lowSum += low[i];
            highSum += high[i];
        }

        return (lowSum / q, highSum / q);
    }
}
