namespace MusicClustering.Contracts;

/// <summary>
/// Where a track's log-mel is (frame-major float32 matrix blob), its frames and quietest value, or why it failed
/// (<c>FailureReason</c>, the same reason codes as feature extraction). Never the data.
/// </summary>
[GenerateSerializer, Immutable, Alias("mc.TrackLogMelResult")]
public sealed record TrackLogMelResult(
    [property: Id(0)] string TrackId,
    [property: Id(1)] BlobRef? LogMel,
    [property: Id(2)] int Frames,
    [property: Id(3)] float Floor,
    [property: Id(4)] bool Cached,
    [property: Id(5)] string Silo,
    [property: Id(6)] string? FailureMessage = null,
    [property: Id(7)] string? FailureReason = null);
