namespace MusicClustering.Audio;

/// <summary>
/// librosa.filters.mel (Slaney scale, Slaney area normalisation), stored sparsely: each filter keeps only its
/// run of nonzero FFT bins. Weights are rounded to float32 like librosa's default dtype.
/// </summary>
internal sealed class MelFilterbank
{
    private MelFilterbank(int[] starts, float[][] weights, int bins)
    {
        Starts = starts;
        Weights = weights;
        Bins = bins;
    }

    /// <summary>First nonzero FFT bin of each filter.</summary>
    public int[] Starts { get; }

    /// <summary>Weights of each filter from its start bin on.</summary>
    public float[][] Weights { get; }

    public int Bins { get; }

    public int Count => Starts.Length;

    public static MelFilterbank Create(int sampleRate, int nFft, int nMels, double fMin, double fMax)
    {
        var bins = 1 + (nFft / 2);
        var binStep = 1.0 / (nFft * (1.0 / sampleRate)); // numpy rfftfreq
        var melPoints = MelFrequencies(nMels + 2, fMin, fMax);
        var starts = new int[nMels];
        var weights = new float[nMels][];
        var row = new float[bins];
        for (var m = 0; m < nMels; m++)
        {
            var lowerWidth = melPoints[m + 1] - melPoints[m];
            var upperWidth = melPoints[m + 2] - melPoints[m + 1];
            var enorm = 2.0 / (melPoints[m + 2] - melPoints[m]);
            int first = -1, last = -1;
            for (var k = 0; k < bins; k++)
            {
                var f = k * binStep;
                var lower = -(melPoints[m] - f) / lowerWidth;
                var upper = (melPoints[m + 2] - f) / upperWidth;
                var w = (float)(Math.Max(0, Math.Min(lower, upper)) * enorm);
                row[k] = w;
                if (w != 0)
                {
                    first = first < 0 ? k : first;
                    last = k;
                }
            }

            starts[m] = Math.Max(first, 0);
            weights[m] = first < 0 ? [] : row.AsSpan(first, last - first + 1).ToArray();
        }

        return new MelFilterbank(starts, weights, bins);
    }

    /// <summary>Dense [mel, bin] matrix, for tests.</summary>
    public double[,] ToDense()
    {
        var dense = new double[Count, Bins];
        for (var m = 0; m < Count; m++)
        {
            for (var j = 0; j < Weights[m].Length; j++)
            {
                dense[m, Starts[m] + j] = Weights[m][j];
            }
        }

        return dense;
    }

    public static double HzToMel(double hz)
    {
        const double fSp = 200.0 / 3;
        const double minLogHz = 1000.0;
        const double minLogMel = minLogHz / fSp;
        var logStep = Math.Log(6.4) / 27.0;
        return hz >= minLogHz ? minLogMel + (Math.Log(hz / minLogHz) / logStep) : hz / fSp;
    }

    public static double MelToHz(double mel)
    {
        const double fSp = 200.0 / 3;
        const double minLogHz = 1000.0;
        const double minLogMel = minLogHz / fSp;
        var logStep = Math.Log(6.4) / 27.0;
        return mel >= minLogMel ? minLogHz * Math.Exp(logStep * (mel - minLogMel)) : fSp * mel;
    }

    private static double[] MelFrequencies(int count, double fMin, double fMax)
    {
        var minMel = HzToMel(fMin);
        var maxMel = HzToMel(fMax);
        var step = (maxMel - minMel) / (count - 1);
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = MelToHz(i == count - 1 ? maxMel : minMel + (i * step)); // numpy linspace
        }

        return result;
    }
}
