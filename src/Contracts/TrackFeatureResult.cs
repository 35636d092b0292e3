namespace MusicClustering.Contracts;

/// <summary>
/// Where a track's features landed (or why they could not be computed), which silo did the work, and how much of the
/// track was analysed: <c>AnalysedSeconds</c> of <c>DurationSeconds</c> in <c>Segments</c> segments, whose own vectors
/// are in <c>SegmentFeatures</c>; <c>Warning</c> is set for truncated data (reason truncated_data).
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
    [property: Id(11)] BlobRef? SegmentFeatures = null)
{
    public bool Succeeded => Features is not null;
}
