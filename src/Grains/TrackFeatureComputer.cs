using MusicClustering.Audio;

namespace MusicClustering.Grains;

/// <summary>Audio bytes to a fixed-length vector: decode, resample, MFCC, reduce. Pure CPU work.</summary>
internal static class TrackFeatureComputer
{
    /// <summary>Longer files are refused rather than decoded: a mislabelled hour-long mix would stall a silo.</summary>
    public const double MaxSeconds = 15 * 60;

    public static float[] Compute(byte[] audio, string fileName, FeatureConfig config)
    {
        var options = config.Mfcc;
        var signal = AudioLoader.LoadMono(audio, fileName, options.SampleRate, MaxSeconds);
        var mfcc = new MfccExtractor(options).Compute(signal);
        return TrackVectorizer.Vectorize(mfcc, config);
    }
}
