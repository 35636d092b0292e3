using MusicClustering.Audio;
using NWaves.FeatureExtractors.Options;
using NWaves.Filters.Fda;
using NWaves.Windows;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// NWaves 0.9.6's <c>MfccExtractor</c>, what a .NET user would otherwise pick, set up as close to librosa as it goes
/// (Slaney mel bank of 128 filters, power spectrum, dB, DCT-II normalised, Hann 2048 / hop 512; it has no centre
/// padding and no top_db), timed on the same clip as a peer. Its extractors are not thread-safe, so one per call.
/// </summary>
internal static class NWavesMfccPeer
{
    public static double MedianSeconds(float[] clip, int repeats)
    {
        var options = new NWaves.FeatureExtractors.Options.MfccOptions
        {
            SamplingRate = 22050,
            FeatureCount = 20,
            FrameSize = 2048,
            HopSize = 512,
            FftSize = 2048,
            FilterBankSize = 128,
            FilterBank = FilterBanks.MelBankSlaney(128, 2048, 22050),
            SpectrumType = SpectrumType.Power,
            NonLinearity = NonLinearityType.ToDecibel,
            LogFloor = 1e-10f,
            DctType = "2N",
            Window = WindowType.Hann,
        };
        var extractor = new NWaves.FeatureExtractors.MfccExtractor(options);
        void Work() => extractor.ComputeFrom(clip);
        SteadyState.WarmUp(Work);
        return SteadyState.Median(SteadyState.Time(repeats, Work)) / 1000;
    }
}
