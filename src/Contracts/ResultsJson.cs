using System.Text.Json;

namespace MusicClustering.Contracts;

/// <summary>
/// The one JSON style of everything the product writes, for people, scripts and its own blobs: snake_case names from
/// the naming policy (a property names its JSON field only where the policy cannot), indented.
/// </summary>
public static class ResultsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>The same style on one line, for blobs and bulky outputs.</summary>
    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
