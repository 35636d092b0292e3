namespace MusicClustering.Contracts;

/// <summary>
/// The feature cache's record of one track's audio under one feature config: how much of it was analysed, where its
/// segment rows are (<c>Shard</c>, rows from <c>ShardFirstRow</c>), and the track vector itself when it fits in a reply
/// (older records have none: the vector is then in its own blob). A silo stores these a shard at a time, beside the
/// shard's rows; caches written before that hold one JSON blob per track.
/// </summary>
[GenerateSerializer, Immutable, Alias("mc.FeatureCoverage")]
public sealed record FeatureCoverage(
    [property: Id(0)] double AnalysedSeconds,
    [property: Id(1)] double DurationSeconds,
    [property: Id(2)] int Segments,
    [property: Id(3)] string? Warning,
    [property: Id(4)] string? Shard = null,
    [property: Id(5)] int ShardFirstRow = 0,
    [property: Id(6)] float[]? Vector = null);
