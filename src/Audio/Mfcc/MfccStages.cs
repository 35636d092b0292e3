namespace MusicClustering.Audio;

/// <summary>Stage names of the MFCC benchmark breakdown (the STFT's own are in <see cref="StageTimes"/>).</summary>
internal static class MfccStages
{
    public const string Mel = "mel";
    public const string Log = "log";
    public const string Dct = "dct";
}
