namespace MusicClustering.Audio;

/// <summary>Timing of <see cref="MfccExtractor.Compute(ReadOnlySpan{float})"/> on one 30 s clip (milliseconds).</summary>
/// <param name="MedianMsPerClip">Median wall time of a full Compute call.</param>
/// <param name="Stages">Median per clip of each stage: framing (frames, window), fft, power (real split, |X|²), mel, log, dct.</param>
public sealed record MfccBenchmarkResult(double MedianMsPerClip, IReadOnlyDictionary<string, double> Stages, int Repeats, int Frames, int SimdLanes);

/// <summary>Measures the MFCC extractor on a deterministic synthetic 30 s clip at 22050 Hz.</summary>
public static class MfccBenchmark
{
    /// <summary>The stages <see cref="MfccBenchmarkResult.Stages"/> reports, in pipeline order.</summary>
    public static IReadOnlyList<string> StageNames { get; } = [StageTimes.Framing, StageTimes.Fft, StageTimes.Power, MfccStages.Mel, MfccStages.Log, MfccStages.Dct];

    /// <summary>The benchmark clip: 30 s of the synthetic rock profile, 22050 Hz mono.</summary>
    public static float[] Clip() => new TrackSynthesizer(GenreProfile.All[9], new DeterministicRandom(12345), 22050).Render(30);

    public static MfccBenchmarkResult Run(int repeats) => Run(repeats, Clip(), new MfccOptions());

    public static MfccBenchmarkResult Run(int repeats, float[] clip, MfccOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repeats);
        var extractor = new MfccExtractor(options);
        var frames = extractor.Compute(clip).Frames;
        SteadyState.WarmUp(() => extractor.Compute(clip));
        var totals = SteadyState.Time(repeats, () => extractor.Compute(clip));

        // Stage breakdown from separate, instrumented runs so the totals above carry no timer overhead.
        var stages = StageNames.ToDictionary(s => s, _ => new double[repeats]);
        for (var r = 0; r < repeats; r++)
        {
            var times = new StageTimes();
            extractor.Compute(clip, times);
            foreach (var stage in StageNames)
            {
                stages[stage][r] = times.Milliseconds(stage);
            }
        }

        return new MfccBenchmarkResult(
            SteadyState.Median(totals), stages.ToDictionary(p => p.Key, p => SteadyState.Median(p.Value)), repeats, frames, BatchedRealFft.Lanes);
    }
}
