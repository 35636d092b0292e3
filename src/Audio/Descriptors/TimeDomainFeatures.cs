using System.Numerics;

namespace MusicClustering.Audio;

/// <summary>Frame-wise descriptors of the waveform itself (centred frames of frame_length, hop apart).</summary>
internal static class TimeDomainFeatures
{
    private const double ZeroThreshold = 1e-10;

    /// <summary>
    /// librosa 0.11 <c>zero_crossing_rate(y, frame_length, hop_length, center=True)</c>: edge padding, |y| ≤ 1e-10
    /// counts as +0, and the rate is the number of sign changes between neighbours inside the frame / frame_length.
    /// Edge padding repeats a value, so every crossing lies inside the signal; crossings are counted once per hop-long
    /// block and a frame adds up frame_length / hop blocks (frame_length must be a multiple of hop).
    /// </summary>
    public static double[] ZeroCrossingRate(ReadOnlySpan<float> signal, int frameLength, int hop, int frames)
    {
        var n = signal.Length;
        var pad = frameLength / 2;
        var perFrame = frameLength / hop;
        // block s: pairs (j − 1, j) for j in [s·hop + 1 − pad, (s + 1)·hop − pad]
        var blocks = new int[frames + perFrame];
        for (var s = 0; s < blocks.Length; s++)
        {
            blocks[s] = Crossings(signal, (s * hop) + 1 - pad, ((s + 1) * hop) - pad);
        }

        var result = new double[frames];
        for (var t = 0; t < frames; t++)
        {
            var count = 0;
            for (var s = t; s < t + perFrame; s++)
            {
                count += blocks[s];
            }

            var excluded = (t * hop) + frameLength - pad; // the blocks reach one pair past the frame's last
            count -= Crossings(signal, excluded, excluded);
            result[t] = count / (double)frameLength;
        }

        return result;
    }

    // Sign changes between neighbours (j − 1, j) for j in [first, last] ∩ [1, n − 1].
    private static int Crossings(ReadOnlySpan<float> signal, int first, int last)
    {
        first = Math.Max(first, 1);
        last = Math.Min(last, signal.Length - 1);
        var lanes = Vector<float>.Count;
        var threshold = new Vector<float>((float)-ZeroThreshold);
        var counts = Vector<int>.Zero;
        var j = first;
        for (; j + lanes - 1 <= last; j += lanes)
        {
            var here = Vector.LessThan(new Vector<float>(signal[j..]), threshold);
            var before = Vector.LessThan(new Vector<float>(signal[(j - 1)..]), threshold);
            counts -= here ^ before; // a mismatch is −1 in its lane
        }

        var total = Vector.Sum(counts);
        for (; j <= last; j++)
        {
            total += (signal[j] < -ZeroThreshold) != (signal[j - 1] < -ZeroThreshold) ? 1 : 0;
        }

        return total;
    }

    /// <summary>
    /// librosa <c>rms(y=y, frame_length, hop_length, center=True, pad_mode)</c>: the root mean square of each padded
    /// frame, without a window (the GTZAN table's rms columns, which use reflect padding).
    /// </summary>
    public static double[] Rms(ReadOnlySpan<float> signal, int frameLength, int hop, int frames, PadMode padMode)
    {
        var pad = frameLength / 2;
        var padded = new PaddedSignal(signal, pad);
        var length = signal.Length + (2 * pad);
        var scratch = WorkArrays.Current.Get<float>("rms.edge", hop);
        // squares summed over hop-long blocks of the padded signal; a frame is frame_length / hop whole blocks
        var blocks = (length + hop - 1) / hop;
        var blockSums = new double[blocks + (frameLength / hop)];
        for (var b = 0; b < blocks; b++)
        {
            var start = b * hop;
            var count = Math.Min(hop, length - start);
            var samples = padded.Window(start, count, padMode, scratch);
            double sum = 0;
            foreach (var v in samples)
            {
                sum += (double)v * v;
            }

            blockSums[b] = sum;
        }

        var result = new double[frames];
        var perFrame = frameLength / hop;
        for (var t = 0; t < frames; t++)
        {
            double sum = 0;
            for (var b = t; b < t + perFrame; b++)
            {
                sum += blockSums[b];
            }

            result[t] = Math.Sqrt(sum / frameLength);
        }

        return result;
    }
}
