namespace MusicClustering.Audio;

/// <summary>
/// librosa 0.11 <c>stft</c> geometry and the pieces built once per option set: periodic Hann window (float32, as the
/// frames it multiplies), FFT plan, frame count and centre padding. Thread-safe and immutable.
/// </summary>
internal sealed class StftPlan
{
    public StftPlan(int nFft, int hopLength, bool center)
    {
        NFft = nFft;
        HopLength = hopLength;
        Center = center;
        Fft = new BatchedRealFft(nFft);
        Window = new float[nFft];
        for (var n = 0; n < nFft; n++)
        {
            Window[n] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * n / nFft)));
        }
    }

    public int NFft { get; }

    public int HopLength { get; }

    public bool Center { get; }

    public BatchedRealFft Fft { get; }

    public float[] Window { get; }

    public int Bins => Fft.Bins;

    /// <summary>Samples added before the signal (and after it) by centring: n_fft / 2, or 0.</summary>
    public int Pad => Center ? NFft / 2 : 0;

    /// <summary>Number of frames librosa produces for a signal of <paramref name="samples"/> samples.</summary>
    public int FrameCount(int samples) => Center
        ? 1 + (samples / HopLength)
        : samples < NFft ? 0 : 1 + ((samples - NFft) / HopLength);

    public static int BatchCount(int frames) => (frames + BatchedRealFft.Lanes - 1) / BatchedRealFft.Lanes;

    /// <summary>Samples one batch of frames reads: (lanes − 1) hops plus one frame.</summary>
    public int BatchSpan => ((BatchedRealFft.Lanes - 1) * HopLength) + NFft;
}
