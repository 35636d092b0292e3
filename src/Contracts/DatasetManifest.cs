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

/// <summary>
/// One track: its id within the dataset, its content-addressed audio blob, its optional label and the path it was
/// ingested from, relative to the ingested folder (what people call the track; null in manifests written before paths).
/// </summary>
public sealed record ManifestTrack(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("audio")] BlobRef Audio,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("path")] string? Path = null)
{
    /// <summary>How to name the track to a person: its original relative path.</summary>
    [JsonIgnore]
    public string DisplayName => Path ?? File;
}
