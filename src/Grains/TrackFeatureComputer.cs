using System.Collections.Concurrent;
using MusicClustering.Audio;

namespace MusicClustering.Grains;

/// <summary>Audio bytes to a fixed-length vector: decode, resample, MFCC, reduce. Pure CPU work.</summary>
internal static class TrackFeatureComputer
{
    /// <summary>Longer files are refused rather than decoded: a mislabelled hour-long mix would stall a silo.</summary>
    public const double MaxSeconds = 15 * 60;

    // An extractor's window, FFT plan and filterbank cost about as much to build as a clip costs to analyse; it is
    // thread-safe, so one per distinct option set serves every track.
    private static readonly ConcurrentDictionary<MfccOptions, MfccExtractor> Extractors = new();

    public static float[] Compute(ReadOnlyMemory<byte> audio, string fileName, FeatureConfig config)
    {
        var options = config.Mfcc;
        var signal = AudioLoader.LoadMono(audio.Span, fileName, options.SampleRate, MaxSeconds);
        var mfcc = Extractors.GetOrAdd(options, o => new MfccExtractor(o)).Compute(signal);
        return TrackVectorizer.Vectorize(mfcc, config);
    }
}
