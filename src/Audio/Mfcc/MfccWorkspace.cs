using System.Numerics;

namespace MusicClustering.Audio;

/// <summary>
/// Per-thread scratch for <see cref="MfccExtractor"/>, reused between calls so the hot path allocates only its
/// result. Buffers for unusually long signals are not kept, to bound what an idle thread holds.
/// </summary>
internal sealed class MfccWorkspace
{
    private const int MaxRetainedSamples = 4 << 20; // ~3 minutes at 22050 Hz

    [ThreadStatic]
    private static MfccWorkspace? _current;

    public float[] Padded { get; private set; } = [];

    public Vector<double>[] LogMel { get; private set; } = [];

    public Vector<double>[] Zr { get; private set; } = [];

    public Vector<double>[] Zi { get; private set; } = [];

    public Vector<double>[] SpecRe { get; private set; } = [];

    public Vector<double>[] SpecIm { get; private set; } = [];

    public Vector<double>[] Frame { get; private set; } = [];

    public Vector<double>[] Folded { get; private set; } = [];

    public static MfccWorkspace Rent(int paddedLength)
    {
        if (paddedLength > MaxRetainedSamples)
        {
            return new MfccWorkspace();
        }

        return _current ??= new MfccWorkspace();
    }

    public void Ensure(int paddedLength, int logMelLength, int nFft, int bins, int nMels, bool needsFrame)
    {
        Padded = Grow(Padded, paddedLength);
        LogMel = Grow(LogMel, logMelLength);
        Zr = Grow(Zr, nFft / 2);
        Zi = Grow(Zi, nFft / 2);
        SpecRe = Grow(SpecRe, bins);
        SpecIm = Grow(SpecIm, bins);
        Frame = needsFrame ? Grow(Frame, nFft) : Frame;
        Folded = Grow(Folded, nMels + 1);
    }

    private static T[] Grow<T>(T[] array, int length) => array.Length >= length ? array : new T[length];
}
