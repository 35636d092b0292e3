namespace MusicClustering.Audio;

/// <summary>
/// The arithmetic an MFCC of one clip needs with this implementation, stage by stage, for stating how close the
/// measured time is to the core's floor. FLOPs count additions and multiplications (a fused multiply-add is 2);
/// a vectorised log is counted as 20 FLOPs per value. Bytes are the clip read once and the MFCC written once
/// (every other buffer of a batch stays in L1/L2: 64 KiB of FFT data and 33 KiB of power spectrum per 8 frames).
/// </summary>
public sealed record MfccWorkModel(IReadOnlyDictionary<string, double> FlopsPerFrame, int Frames, long Bytes)
{
    private const double FlopsPerLog = 20;

    public double FlopsPerFrameTotal => FlopsPerFrame.Values.Sum();

    public double Flops => FlopsPerFrameTotal * Frames;

    public static MfccWorkModel For(MfccOptions options, int samples)
    {
        ArgumentNullException.ThrowIfNull(options);
        var extractor = TrackAnalyzer.Mfcc(options);
        var frames = extractor.FrameCount(samples);
        var half = options.NFft / 2;
        var passes = Math.Log2(half) / 2;                      // radix-4 passes of the half-size complex FFT
        var melWeights = extractor.Mel.Weights.Sum(w => w.Length);
        var flops = new Dictionary<string, double>
        {
            [StageTimes.Framing] = options.NFft,                // window multiply
            [StageTimes.Fft] = passes * (half / 4) * 34,        // per butterfly: 16 additions, 3 complex multiplies (6 each)
            [StageTimes.Power] = (half / 2) * 24,               // real split of each pair (k, M − k) and |X|² of both
            [MfccStages.Mel] = 2.0 * melWeights,
            [MfccStages.Log] = options.NMels * (FlopsPerLog + 3),
            [MfccStages.Dct] = options.NMels + (2.0 * options.NMfcc * ((options.NMels + 1) / 2)),
        };
        var bytes = (4L * samples) + (4L * options.NMfcc * frames);
        return new MfccWorkModel(flops, frames, bytes);
    }
}
