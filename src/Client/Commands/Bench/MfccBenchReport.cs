using System.Text.Json.Serialization;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>What <c>cluster bench mfcc --json</c> prints. Field names are read by scripts.</summary>
public sealed record MfccBenchReport(
    [property: JsonPropertyName("ms_per_clip")] double MsPerClip,
    [property: JsonPropertyName("fft_ms")] double FftMs,
    [property: JsonPropertyName("mel_ms")] double MelMs,
    [property: JsonPropertyName("log_ms")] double LogMs,
    [property: JsonPropertyName("dct_ms")] double DctMs,
    [property: JsonPropertyName("repeats")] int Repeats,
    [property: JsonPropertyName("frames")] int Frames,
    [property: JsonPropertyName("simd_lanes")] int SimdLanes,
    [property: JsonPropertyName("librosa_reference_ms")] double LibrosaReferenceMs,
    [property: JsonPropertyName("speedup_vs_librosa")] double SpeedupVsLibrosa)
{
    /// <summary>librosa 0.11's median MFCC time for a 30 s clip at 22050 Hz on one core of the reference machine.</summary>
    public const double LibrosaMs = 41;
}
