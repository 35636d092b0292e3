namespace MusicClustering.Contracts;

/// <summary>Asks a track grain for the feature vector of one audio blob under one feature config.</summary>
[GenerateSerializer, Immutable, Alias("mc.TrackExtractionRequest")]
public sealed record TrackExtractionRequest(
    [property: Id(0)] BlobRef Audio,
    [property: Id(1)] string AudioSha256,
    [property: Id(2)] string FileName,
    [property: Id(3)] string FeatureConfig);
