using System.Text.Json.Serialization;

namespace MusicClustering.Client.Ingest;

/// <summary>A file of the scanned folder that was not ingested, and why.</summary>
public sealed record SkippedFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("reason")] string Reason);
