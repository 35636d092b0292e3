using System.Numerics;

namespace MusicClustering.Audio;

/// <summary>Per-thread buffers of one STFT pass (FFT input, one batch's spectra, an edge batch's padded samples).</summary>
internal sealed class SpectralScratch
{
    [ThreadStatic]
    private static SpectralScratch? _current;

    private SpectralScratch(StftPlan plan)
    {
        NFft = plan.NFft;
        HopLength = plan.HopLength;
        Zr = new Vector<float>[plan.NFft / 2];
        Zi = new Vector<float>[plan.NFft / 2];
        Frame = plan.Fft.IsPowerOfTwo ? [] : new Vector<float>[plan.NFft];
        Edge = new float[plan.BatchSpan];
        Spectrum = new SpectrumBatch(plan.Bins);
    }

    public int NFft { get; }

    public int HopLength { get; }

    public Vector<float>[] Zr { get; }

    public Vector<float>[] Zi { get; }

    public Vector<float>[] Frame { get; }

    public float[] Edge { get; }

    public SpectrumBatch Spectrum { get; }

    /// <summary>This thread's scratch for <paramref name="plan"/>'s sizes (rebuilt when the sizes change).</summary>
    public static SpectralScratch For(StftPlan plan)
    {
        var current = _current;
        if (current is null || current.NFft != plan.NFft || current.HopLength != plan.HopLength)
        {
            current = _current = new SpectralScratch(plan);
        }

        return current;
    }
}
