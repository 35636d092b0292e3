using System.Text.Json.Serialization;

namespace MusicClustering.Contracts;

/// <summary>
/// The list of a dataset's tracks, stored as JSON in blob storage. It is never sent in a grain message:
/// a 1000-track manifest is far larger than a message should be.
/// </summary>
public sealed record DatasetManifest(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("tracks")] IReadOnlyList<ManifestTrack> Tracks,
    [property: JsonPropertyName("lyrics")] BlobRef? Lyrics);

/// <summary>One track: its id within the dataset, its content-addressed audio blob and its optional label.</summary>
public sealed record ManifestTrack(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("audio")] BlobRef Audio,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("label")] string? Label);
