namespace MusicClustering.Contracts;

/// <summary>Where a track's features landed (or why they could not be computed), and which silo did the work.</summary>
[GenerateSerializer, Immutable, Alias("mc.TrackFeatureResult")]
public sealed record TrackFeatureResult(
    [property: Id(0)] string TrackId,
    [property: Id(1)] BlobRef? Features,
    [property: Id(2)] int Dimension,
    [property: Id(3)] bool Cached,
    [property: Id(4)] string Silo,
    [property: Id(5)] string? FailureReason,
    [property: Id(6)] string? FailureMessage)
{
    public bool Succeeded => Features is not null;
}
