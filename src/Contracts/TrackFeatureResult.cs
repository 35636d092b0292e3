namespace MusicClustering.Contracts;

/// <summary>
/// Where a track's features landed (or why they could not be computed), which silo did the work, and how much of the
/// track was analysed: <c>AnalysedSeconds</c> of <c>DurationSeconds</c> in <c>Segments</c> segments, whose own vectors
/// are rows <c>SegmentFirstRow</c> onwards of <c>SegmentFeatures</c> (a shard blob shared by many tracks of one silo); <c>Warning</c> is set for truncated data (reason truncated_data). <c>Vector</c> is the
/// track's feature vector itself (every config is a few hundred bytes, far under the 64 KB message limit), so the
/// experiment gathers the corpus from the replies and never reads one blob per track; it is null only for a vector
/// above <see cref="MaxInlineVectorBytes"/>, which the caller reads from <c>Features</c> (a blob written only for such
/// vectors: a smaller one is cached inside the track's coverage, in its shard's coverage blob). <c>Embedding</c> is the track's ONNX embedding when
/// the request asked for one.
/// </summary>
[GenerateSerializer, Immutable, Alias("mc.TrackFeatureResult")]
public sealed record TrackFeatureResult(
    [property: Id(0)] string TrackId,
    [property: Id(1)] BlobRef? Features,
    [property: Id(2)] int Dimension,
    [property: Id(3)] bool Cached,
    [property: Id(4)] string Silo,
    [property: Id(5)] string? FailureReason,
    [property: Id(6)] string? FailureMessage,
    [property: Id(7)] double AnalysedSeconds = 0,
    [property: Id(8)] double DurationSeconds = 0,
    [property: Id(9)] int Segments = 0,
    [property: Id(10)] string? Warning = null,
    [property: Id(11)] BlobRef? SegmentFeatures = null,
    [property: Id(12)] float[]? Vector = null,
    [property: Id(13)] int SegmentFirstRow = 0,
    [property: Id(14)] float[]? Embedding = null)
{
    /// <summary>The largest vector a reply carries: a quarter of Orleans' 64 KB message limit.</summary>
    public const int MaxInlineVectorBytes = 16 * 1024;

    public bool Succeeded => Features is not null;
}
