using System.Numerics;

namespace MusicClustering.Audio;

/// <summary>
/// Keeps the complex STFT of a pass for <see cref="HarmonicPercussive"/> (librosa.effects.hpss, which pads with zeros
/// whatever the pad mode of the pass). Stored batch-major, [batch][bin] vectors with one frame per lane.
/// </summary>
internal sealed class HpssSink : ISpectrumSink
{
    public HpssSink(int bins, int batches)
    {
        Bins = bins;
        Batches = batches;
        Re = WorkArrays.Current.Get<Vector<float>>("hpss.re", batches * bins);
        Im = WorkArrays.Current.Get<Vector<float>>("hpss.im", batches * bins);
    }

    public bool NeedsComplex => true;

    public bool ZeroPadded => true;

    public int Bins { get; }

    public int Batches { get; }

    public Vector<float>[] Re { get; }

    public Vector<float>[] Im { get; }

    public void Accept(SpectrumBatch spectrum, BatchInfo batch)
    {
        spectrum.Re.AsSpan(0, Bins).CopyTo(Re.AsSpan(batch.Index * Bins, Bins));
        spectrum.Im.AsSpan(0, Bins).CopyTo(Im.AsSpan(batch.Index * Bins, Bins));
    }
}
