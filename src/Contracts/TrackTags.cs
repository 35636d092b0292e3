using System.Text.Json.Serialization;

namespace MusicClustering.Contracts;

/// <summary>
/// What a file's own tags say about it (ID3v2, Vorbis comments, FLAC, MP4), read at ingest; every field is optional,
/// since libraries are rarely tagged completely.
/// </summary>
public sealed record TrackTags(
    string? Title = null,
    string? Artist = null,
    string? Album = null,
    string? Genre = null,
    int? Year = null,
    [property: JsonPropertyName("duration_s")] double? DurationSeconds = null)
{
    /// <summary>"Artist - Title" when both are known, else whichever is.</summary>
    [JsonIgnore]
    public string? Display => (Artist, Title) switch
    {
        ({ Length: > 0 } a, { Length: > 0 } t) => $"{a} - {t}",
        (_, { Length: > 0 } t) => t,
        ({ Length: > 0 } a, _) => a,
        _ => null,
    };
}
