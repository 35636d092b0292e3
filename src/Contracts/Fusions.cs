namespace MusicClustering.Contracts;

/// <summary>Which modalities a clustering space is built from.</summary>
public static class Fusions
{
    public const string Audio = "audio";
    public const string Lyrics = "lyrics";
    public const string Hybrid = "hybrid";

    public static readonly string[] All = [Audio, Lyrics, Hybrid];
}
