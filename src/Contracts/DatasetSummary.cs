namespace MusicClustering.Contracts;

/// <summary>What a dataset grain knows: where its manifest lives, how big it is and its version (a hash of its content).</summary>
[GenerateSerializer, Immutable, Alias("mc.DatasetSummary")]
public sealed record DatasetSummary(
    [property: Id(0)] string Name,
    [property: Id(1)] BlobRef Manifest,
    [property: Id(2)] int Tracks,
    [property: Id(3)] int LabelledTracks,
    [property: Id(4)] BlobRef? Lyrics,
    [property: Id(5)] DateTimeOffset CommittedAt,
    [property: Id(6)] string Version);
