using System.Text.Json;
using System.Text.Json.Serialization;

namespace MusicClustering.Learning;

/// <summary>Options travel as JSON inside model files and checkpoints, so new fields stay readable.</summary>
internal static class OptionsJson
{
    private static readonly JsonSerializerOptions Settings = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Serialize<T>(T options) => JsonSerializer.Serialize(options, Settings);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Settings) ?? throw new InvalidDataException($"Empty {typeof(T).Name}.");
}
