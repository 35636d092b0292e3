namespace MusicClustering.Audio;

/// <summary>numpy's <c>finfo(float32).tiny</c> (librosa's <c>util.tiny</c>): the smallest normal float32.</summary>
internal static class Tiny
{
    public const float Float32 = 1.17549435e-38f;
}
