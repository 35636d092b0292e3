using System.Text.Json;

namespace MusicClustering.Learning;

/// <summary>Options travel as JSON inside model files and checkpoints, so new fields stay readable.</summary>
internal static class VaeOptionsJson
{
    public static string Serialize(VaeOptions options) => JsonSerializer.Serialize(options);

    public static VaeOptions Deserialize(string json) =>
        JsonSerializer.Deserialize<VaeOptions>(json) ?? throw new InvalidDataException("Empty VAE options.");
}
