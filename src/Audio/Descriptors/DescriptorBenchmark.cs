namespace MusicClustering.Audio;

/// <summary>Medians (ms) of the whole descriptor set, the set without HPSS, and the MFCC alone, with a stage breakdown.</summary>
public sealed record DescriptorBenchmarkResult(
    double AllMs, double WithoutHpssMs, double MfccMs, IReadOnlyDictionary<string, double> StagesMs, int Repeats, int Frames)
{
    public double HpssMs => AllMs - WithoutHpssMs;

    /// <summary>The set without HPSS over the MFCC alone (the target is ≤ 2).</summary>
    public double OverMfcc => WithoutHpssMs / MfccMs;
}

/// <summary>Times <see cref="DescriptorExtractor"/> on a clip after warm-up to steady state.</summary>
public static class DescriptorBenchmark
{
    public static DescriptorBenchmarkResult Run(int repeats, float[] clip, MfccOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repeats);
        var descriptors = new DescriptorExtractor(options);
        var mfcc = new MfccExtractor(options);
        SteadyState.WarmUp(() => descriptors.Compute(clip));
        SteadyState.WarmUp(() => descriptors.Compute(clip, hpss: false));
        SteadyState.WarmUp(() => mfcc.Compute(clip));
        var all = SteadyState.Time(repeats, () => descriptors.Compute(clip));
        var without = SteadyState.Time(repeats, () => descriptors.Compute(clip, hpss: false));
        var alone = SteadyState.Time(repeats, () => mfcc.Compute(clip));
        var stages = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var r = 0; r < repeats; r++)
        {
            var times = new StageTimes();
            descriptors.Compute(clip, true, times);
            foreach (var stage in times.Ticks.Keys)
            {
                (stages.TryGetValue(stage, out var list) ? list : stages[stage] = []).Add(times.Milliseconds(stage));
            }
        }

        return new DescriptorBenchmarkResult(
            SteadyState.Median(all), SteadyState.Median(without), SteadyState.Median(alone),
            stages.ToDictionary(p => p.Key, p => SteadyState.Median(p.Value)), repeats, mfcc.FrameCount(clip.Length));
    }
}
