
namespace MusicClustering.Client.Commands.Bench;

/// <summary>What <c>cluster bench mfcc --json</c> prints. Field names are read by scripts.</summary>
public sealed record MfccBenchReport(
    double MsPerClip,
    double FftMs,
    double MelMs,
    double LogMs,
    double DctMs,
    int Repeats,
    int Frames,
    int SimdLanes,
    double LibrosaReferenceMs,
    double SpeedupVsLibrosa)
{
    /// <summary>librosa 0.11's median MFCC time for a 30 s clip at 22050 Hz on one core of the reference machine.</summary>
    public const double LibrosaMs = 41;
}
