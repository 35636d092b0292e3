namespace MusicClustering.Audio;

/// <summary>
/// librosa 0.11 <c>estimate_tuning(S=P)</c> as chroma_stft calls it: the piptrack peaks of every frame (150–4000 Hz,
/// above 0.1 × the frame's maximum, local maxima in frequency, parabolic interpolation), kept when their magnitude
/// reaches the median, then <c>pitch_tuning</c>'s 100-bin histogram of deviations from the equal-tempered grid. The
/// arithmetic follows librosa's dtypes (float32 arrays, float64 where numba promotes) so the histogram bins agree.
/// </summary>
internal sealed class TuningEstimator
{
    private const double FMin = 150.0;
    private const double FMax = 4000.0;
    private const int Bins = 100;

    // Reused per thread: a segment has tens of thousands of peaks, which would otherwise be large-object garbage.
    [ThreadStatic]
    private static List<float>? _threadPitches;

    [ThreadStatic]
    private static List<float>? _threadMagnitudes;

    [ThreadStatic]
    private static float[]? _threadSorted;

    private readonly List<float> _pitches;
    private readonly List<float> _magnitudes;
    private readonly double _sampleRate;
    private readonly int _nFft;

    public TuningEstimator(int sampleRate, int nFft)
    {
        _pitches = _threadPitches ??= [];
        _magnitudes = _threadMagnitudes ??= [];
        _pitches.Clear();
        _magnitudes.Clear();
        _sampleRate = sampleRate;
        _nFft = nFft;
        var binStep = 1.0 / (nFft * (1.0 / sampleRate));
        var bins = (nFft / 2) + 1;
        FirstBin = Math.Max(1, (int)Math.Ceiling(FMin / binStep));
        while (FirstBin * binStep < FMin)
        {
            FirstBin++;
        }

        EndBin = FirstBin;
        while (EndBin < bins - 1 && EndBin * binStep < Math.Min(FMax, sampleRate / 2.0))
        {
            EndBin++;
        }
    }

    /// <summary>First bin inside the 150 Hz – 4 kHz mask.</summary>
    public int FirstBin { get; }

    /// <summary>One past the last bin inside the mask.</summary>
    public int EndBin { get; }

    /// <summary>Adds the piptrack peak at bin <paramref name="k"/> of one frame's power spectrum.</summary>
    public void AddPeak(int k, float below, float at, float above)
    {
        // _parabolic_interpolation (numba: the integer 2 and the division promote to float64, the result is stored as float32)
        var a = (double)(above + below) - (2.0 * at);
        var b = (double)(above - below) / 2;
        var shift = Math.Abs(b) >= Math.Abs(a) ? 0f : (float)(-b / a);
        var gradient = (above - below) / 2.0f;  // np.gradient, float32
        var skew = 0.5f * gradient * shift;
        _pitches.Add((float)((k + shift) * _sampleRate / _nFft));
        _magnitudes.Add(at + skew);
    }

    /// <summary>The tuning in fractions of a bin (−0.5 … 0.49); 0 without peaks, as librosa.</summary>
    public double Estimate()
    {
        if (_pitches.Count == 0)
        {
            return 0.0;
        }

        var threshold = Median(_magnitudes);
        var counts = new int[Bins];
        var any = false;
        for (var i = 0; i < _pitches.Count; i++)
        {
            if (_magnitudes[i] >= threshold && _pitches[i] > 0)
            {
                counts[HistogramBin(Residual(_pitches[i]))]++;
                any = true;
            }
        }

        if (!any)
        {
            return 0.0;
        }

        var best = 0;
        for (var i = 1; i < Bins; i++)
        {
            best = counts[i] > counts[best] ? i : best;
        }

        return Edge(best);
    }

    // np.mod(12 · log2(f / 27.5), 1.0) in float32, folded to [−0.5, 0.5).
    private static float Residual(float frequency)
    {
        var octaves = MathF.Log2(frequency / 27.5f);
        var scaled = 12f * octaves;
        var residual = scaled % 1.0f;
        if (residual != 0 && residual < 0)
        {
            residual += 1.0f;
        }

        return residual >= 0.5f ? residual - 1.0f : residual;
    }

    // np.histogram with 100 equal bins over [−0.5, 0.5]: index from the scaled value, then corrected against the edges.
    private static int HistogramBin(float value)
    {
        var x = (double)value;
        var index = (int)((x - -0.5) * (Bins / 1.0));
        index = Math.Min(index, Bins - 1);
        if (x < Edge(index))
        {
            index--;
        }
        else if (index != Bins - 1 && x >= Edge(index + 1))
        {
            index++;
        }

        return index;
    }

    // np.linspace(-0.5, 0.5, 101): i · 0.01 − 0.5, the last edge exactly 0.5.
    private static double Edge(int i) => i == Bins ? 0.5 : (i * (1.0 / Bins)) + -0.5;

    // np.median of float32 values: the middle one, or the float32 mean of the middle two.
    private static float Median(List<float> values)
    {
        if (_threadSorted is null || _threadSorted.Length < values.Count)
        {
            _threadSorted = new float[Math.Max(values.Count, 2 * (_threadSorted?.Length ?? 0))];
        }

        var sorted = _threadSorted.AsSpan(0, values.Count);
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values).CopyTo(sorted);
        sorted.Sort();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2f;
    }
}
