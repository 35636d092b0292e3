using System.Text.Json.Nodes;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>
/// Reads experiment specs written by hand as JSON (snake_case) with <see cref="StrictJson"/>: every unknown field at
/// once with the likely one meant, a value of the wrong type with what was expected; then <see cref="SpecValidator"/>.
/// </summary>
public static class ExperimentSpecJson
{
    public static ExperimentSpec Parse(string json, string source = "spec")
    {
        var spec = StrictJson.Parse<ExperimentSpec>(json, source, "experiment spec", AutoK);
        if (string.IsNullOrWhiteSpace(spec.Dataset))
        {
            throw new ArgumentException($"{source}: an experiment spec needs at least \"name\" and \"dataset\".");
        }

        SpecValidator.Validate(spec);
        return spec;
    }

    /// <summary>Reads a spec file; a relative onnx model path in it is taken from the spec file's folder, not the working directory.</summary>
    public static ExperimentSpec Load(string path)
    {
        var spec = Parse(File.ReadAllText(path), path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return spec with
        {
            Representations = spec.Representations?.Select(r => r.Onnx is { ModelSha256: null, Model: { Length: > 0 } model } && !Path.IsPathRooted(model)
                ? r with { Onnx = r.Onnx with { Model = Path.Combine(folder, model) } }
                : r).ToArray(),
        };
    }

    public static string Serialize(ExperimentSpec spec) => ResultsJson.Serialize(spec);

    // "k": "auto" is stored as ExperimentSpec.AutoK, so the contract keeps one whole-number field.
    private static void AutoK(JsonNode? node)
    {
        if (node is JsonObject fields && fields["k"] is JsonValue k && k.TryGetValue<string>(out var text) && text == "auto")
        {
            fields["k"] = ExperimentSpec.AutoK;
        }
    }
}
