namespace MusicClustering.Audio;

/// <summary>Accumulated <see cref="System.Diagnostics.Stopwatch"/> ticks per MFCC stage (benchmark only).</summary>
internal sealed class MfccStageTimes
{
    public long Fft { get; set; }

    public long Mel { get; set; }

    public long Log { get; set; }

    public long Dct { get; set; }
}
