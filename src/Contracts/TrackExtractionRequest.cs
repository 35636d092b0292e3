namespace MusicClustering.Contracts;

/// <summary>
/// Asks a track grain for the feature vector of one track's audio under one feature config: an audio blob, or a file
/// read in place under one of the silo's library roots (<see cref="InPlace"/>, which wins when both are given).
/// <see cref="Uncached"/>: the experiment listed the feature cache once before the fan-out and found no coverage for
/// this audio, so the grain skips its own probe (a 404 per track, most of a cold run's blob requests); <see cref="Cached"/>
/// is the coverage that listing found, so a cached track costs the grain no read either.
/// With <see cref="Onnx"/> the grain also embeds the track with that uploaded model
/// (<see cref="TrackFeatureResult.Embedding"/>); a track it fails on fails.
/// </summary>
[GenerateSerializer, Immutable, Alias("mc.TrackExtractionRequest")]
public sealed record TrackExtractionRequest(
    [property: Id(0)] BlobRef? Audio,
    [property: Id(1)] string AudioSha256,
    [property: Id(2)] string FileName,
    [property: Id(3)] string FeatureConfig,
    [property: Id(4)] LibraryFile? InPlace = null,
    [property: Id(5)] bool Uncached = false,
    [property: Id(6)] OnnxSpec? Onnx = null,
    [property: Id(7)] FeatureCoverage? Cached = null);
