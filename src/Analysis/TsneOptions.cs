namespace MusicClustering.Analysis;

/// <summary>Barnes–Hut t-SNE settings with sklearn's defaults (perplexity 30, exaggeration 12, 1000 iterations, angle 0.5).</summary>
public sealed record TsneOptions
{
    public double Perplexity { get; init; } = 30;
    public double EarlyExaggeration { get; init; } = 12;

    /// <summary>Null means sklearn's 'auto': max(n / early_exaggeration / 4, 50).</summary>
    public double? LearningRate { get; init; }

    public int NIter { get; init; } = 1000;
    public int ExplorationIter { get; init; } = 250;
    public double Angle { get; init; } = 0.5;
    /// <summary>Only used for the random start of 1-D inputs; wider inputs start from PCA and are deterministic.</summary>
    public int Seed { get; init; }
}
