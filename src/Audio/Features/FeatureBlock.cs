namespace MusicClustering.Audio;

/// <summary>One descriptor group of a feature vector: standardisation gives each group the same total variance.</summary>
public sealed record FeatureBlock(string Name, int Length);
