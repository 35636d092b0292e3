namespace MusicClustering.Analysis.Sampling;

/// <summary>
/// When the O(n²) internal metrics switch to a fixed-seed sample and how large it is. Silhouette samples as sklearn's
/// <c>silhouette_score(sample_size, random_state)</c> does (the silhouette of the sample); trustworthiness scores a
/// sample of query points against all n points (an unbiased estimate of the full value).
/// </summary>
public sealed record SamplingOptions
{
    public const int DefaultExactMaxSamples = 10_000;

    /// <summary>Up to this many points the metrics are exact.</summary>
    public int ExactMaxSamples { get; init; } = DefaultExactMaxSamples;

    /// <summary>Points in the silhouette sample above the threshold (O(m²·d) time).</summary>
    public int SilhouetteSampleSize { get; init; } = 10_000;

    /// <summary>Query points for trustworthiness above the threshold (O(m·n·(d + k)) time).</summary>
    public int TrustworthinessSampleSize { get; init; } = 2_000;

    public int Seed { get; init; }

    public static SamplingOptions Default { get; } = new();
}
