using System.Collections.Concurrent;

namespace MusicClustering.Audio;

/// <summary>
/// The one entry point from audio to a track's features: the file streams through the decoder, downmix and resampler
/// and is analysed segment by segment (<see cref="FeatureConfig.SegmentSeconds"/>, at most
/// <see cref="FeatureConfig.MaxSegments"/>), so time is linear in the track's length and memory bounded by one
/// segment. The track vector pools the segments' statistics (exact means and variances over all their frames); each
/// segment's own vector comes with it. A track longer than <see cref="FeatureConfig.MaxSeconds"/> is refused from its
/// header before decoding. Pure CPU work; extractors are built once per option set and are thread-safe.
/// </summary>
public static class TrackAnalyzer
{
    private static readonly ConcurrentDictionary<MfccOptions, MfccExtractor> MfccExtractors = new();
    private static readonly ConcurrentDictionary<MfccOptions, DescriptorExtractor> DescriptorExtractors = new();

    public static TrackAnalysis AnalyzeFile(string path, FeatureConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var reader = AudioReader.OpenFile(path, config.Mfcc.SampleRate);
        return Analyze(reader, config, cancellationToken);
    }

    public static TrackAnalysis Analyze(Stream audio, string fileName, FeatureConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var reader = AudioReader.Open(audio, fileName, config.Mfcc.SampleRate);
        return Analyze(reader, config, cancellationToken);
    }

    public static TrackAnalysis Analyze(AudioReader reader, FeatureConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.IsImported)
        {
            throw new InvalidOperationException("'csv' features are imported from a table, not computed from audio.");
        }

        var frames = config.Kind == FeatureKind.Frames;
        using var track = new SegmentedTrack(reader, config, frames ? 1 : null); // frames:N reads only the start
        var vectors = new List<float[]>();
        DescriptorSummary? pooled = null;
        track.ForEach(
            signal =>
            {
                if (frames)
                {
                    vectors.Add(TrackVectorizer.Vectorize(Mfcc(config.Mfcc).Compute(signal), config));
                    return;
                }

                var summary = Summarize(signal, config);
                vectors.Add(TrackVectorizer.Vectorize(summary, config));
                pooled = pooled is null ? summary : pooled.Pool(summary);
            },
            cancellationToken);

        var vector = frames ? vectors[0] : TrackVectorizer.Vectorize(pooled!, config);
        var analysed = frames ? Math.Min(track.SecondsRead, (double)config.FrameCount * config.Mfcc.HopLength / config.Mfcc.SampleRate) : track.SecondsRead;
        return new TrackAnalysis(vector, vectors, analysed, track.DurationSeconds, track.Warning);
    }

    /// <summary>The statistics one segment contributes under <paramref name="config"/> (MFCC only for stats configs).</summary>
    public static DescriptorSummary Summarize(ReadOnlySpan<float> signal, FeatureConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var seconds = (double)signal.Length / config.Mfcc.SampleRate;
        switch (config.Kind)
        {
            case FeatureKind.Stats:
                return DescriptorSummary.FromMfcc(Mfcc(config.Mfcc).Compute(signal), null, seconds);
            case FeatureKind.StatsDelta:
                var mfcc = Mfcc(config.Mfcc).Compute(signal);
                return DescriptorSummary.FromMfcc(mfcc, Deltas.Compute(mfcc), seconds);
            default:
                return DescriptorSummary.From(Descriptors(config.Mfcc).Compute(signal, gtzanTable: config.Kind == FeatureKind.Gtzan57));
        }
    }

    /// <summary>The shared, thread-safe MFCC extractor for <paramref name="options"/>.</summary>
    public static MfccExtractor Mfcc(MfccOptions options) => MfccExtractors.GetOrAdd(options, o => new MfccExtractor(o));

    /// <summary>The shared, thread-safe descriptor extractor for <paramref name="options"/>.</summary>
    public static DescriptorExtractor Descriptors(MfccOptions options) => DescriptorExtractors.GetOrAdd(options, o => new DescriptorExtractor(o));
}
