namespace MusicClustering.Contracts;

/// <summary>TF-IDF of the lyrics (scikit-learn's parameters), optionally reduced by truncated SVD, and its weight in a hybrid space.</summary>
[GenerateSerializer, Immutable, Alias("mc.LyricsSpec")]
public sealed record LyricsSpec(
    [property: Id(0)] int MaxFeatures = 2000,
    [property: Id(1)] int MinDf = 2,
    [property: Id(2)] double MaxDf = 0.95,
    [property: Id(3)] bool SublinearTf = true,
    [property: Id(4)] int SvdComponents = 16,
    [property: Id(5)] double Weight = 1.0);
