using System.Numerics;

namespace MusicClustering.Audio;

/// <summary>
/// The spectra of one batch of frames (lane = frame): |X|² always, X itself when a sink asked for it, and |X| on first
/// use. Reused from batch to batch; sinks must copy what they keep.
/// </summary>
internal sealed class SpectrumBatch
{
    private bool _magnitudeReady;

    public SpectrumBatch(int bins)
    {
        Power = new Vector<float>[bins];
        Re = new Vector<float>[bins];
        Im = new Vector<float>[bins];
        MagnitudeBuffer = new Vector<float>[bins];
        RaisedBuffer = new Vector<float>[bins];
    }

    public int Bins => Power.Length;

    public Vector<float>[] Power { get; }

    public Vector<float>[] Re { get; }

    public Vector<float>[] Im { get; }

    private Vector<float>[] MagnitudeBuffer { get; }

    private Vector<float>[] RaisedBuffer { get; }

    /// <summary>|X| (librosa's <c>np.abs(stft)</c>, float32), computed once per batch from the power.</summary>
    public ReadOnlySpan<Vector<float>> Magnitude
    {
        get
        {
            if (!_magnitudeReady)
            {
                for (var k = 0; k < Power.Length; k++)
                {
                    MagnitudeBuffer[k] = Vector.SquareRoot(Power[k]);
                }

                _magnitudeReady = true;
            }

            return MagnitudeBuffer;
        }
    }

    /// <summary>|X|^<paramref name="power"/>: the power itself for 2, the magnitude for 1, else computed lane by lane.</summary>
    public ReadOnlySpan<Vector<float>> Raised(double power)
    {
        if (power == 2.0)
        {
            return Power;
        }

        if (power == 1.0)
        {
            return Magnitude;
        }

        Span<float> lanes = stackalloc float[Vector<float>.Count];
        for (var k = 0; k < Power.Length; k++)
        {
            Power[k].CopyTo(lanes);
            for (var l = 0; l < lanes.Length; l++)
            {
                lanes[l] = (float)Math.Pow(lanes[l], power / 2);
            }

            RaisedBuffer[k] = new Vector<float>(lanes);
        }

        return RaisedBuffer;
    }

    public void Reset() => _magnitudeReady = false;
}
