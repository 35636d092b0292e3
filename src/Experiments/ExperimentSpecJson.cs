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

    public static ExperimentSpec Load(string path) => Parse(File.ReadAllText(path), path);

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
