namespace MusicClustering.Audio;

/// <summary>Sample formats <see cref="WavWriter"/> can write.</summary>
public enum WavSampleFormat
{
    Pcm8,
    Pcm16,
    Pcm24,
    Pcm32,
    Float32,
    Float64,
}
