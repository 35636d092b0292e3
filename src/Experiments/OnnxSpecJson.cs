using System.Text.Json;
using System.Text.Json.Serialization;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>
/// Reads <c>--onnx-options FILE.json</c>: the spec's <c>onnx</c> section (snake_case, e.g. <c>sample_rate</c>)
/// without the model, which <c>--onnx-model</c> names. Unknown fields are rejected so typos don't pass silently.
/// </summary>
public static class OnnxSpecJson
{
    private static readonly JsonSerializerOptions Options = new(ResultsJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static OnnxSpec Build(string modelPath, string? optionsPath)
    {
        if (optionsPath is null)
        {
            return new OnnxSpec(modelPath);
        }

        if (!File.Exists(optionsPath))
        {
            throw new ArgumentException($"onnx options file '{optionsPath}' does not exist.");
        }

        try
        {
            var options = JsonSerializer.Deserialize<OnnxSpec>(File.ReadAllText(optionsPath), Options)
                ?? throw new ArgumentException($"{optionsPath}: expected a JSON object of onnx options.");
            return options with { Model = modelPath };
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{optionsPath}: not valid onnx options: {ex.Message}", ex);
        }
    }
}
