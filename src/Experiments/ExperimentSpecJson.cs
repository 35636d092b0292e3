using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>
/// Reads experiment specs written by hand as JSON (snake_case). Unknown fields are rejected, all of them in one message
/// naming the valid fields, so typos don't pass silently; a value of the wrong type says what was expected.
/// </summary>
public static class ExperimentSpecJson
{
    private static readonly JsonSerializerOptions Options = new(ResultsJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        // SpecFields reads the spec's fields from the same metadata the deserializer uses.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static ExperimentSpec Parse(string json, string source = "spec")
    {
        var type = Options.GetTypeInfo(typeof(ExperimentSpec));
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{source}: not a valid experiment spec: the JSON is malformed at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}.", ex);
        }

        // "k": "auto" is stored as ExperimentSpec.AutoK, so the contract keeps one whole-number field.
        if (node is JsonObject fields && fields["k"] is JsonValue k && k.TryGetValue<string>(out var text) && text == "auto")
        {
            fields["k"] = ExperimentSpec.AutoK;
        }

        var unknown = SpecFields.Unknown(node, type, Options);
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"{source}: unknown field{(unknown.Count > 1 ? "s" : "")} {string.Join("; ", unknown)}.");
        }

        ExperimentSpec? spec;
        try
        {
            spec = node.Deserialize<ExperimentSpec>(Options);
        }
        catch (JsonException ex)
        {
            var field = ex.Path?.TrimStart('$', '.') ?? "";
            var expected = SpecFields.ExpectedAt(ex.Path, type, Options);
            throw new ArgumentException(expected is null
                ? $"{source}: not a valid experiment spec at {ex.Path ?? "the top level"}."
                : $"{source}: \"{field}\" must be {expected} (at {ex.Path}).", ex);
        }

        if (spec is null || string.IsNullOrWhiteSpace(spec.Dataset))
        {
            throw new ArgumentException($"{source}: an experiment spec needs at least \"name\" and \"dataset\".");
        }

        SpecValidator.Validate(spec);
        return spec;
    }

    public static ExperimentSpec Load(string path) => Parse(File.ReadAllText(path), path);

    public static string Serialize(ExperimentSpec spec) => ResultsJson.Serialize(spec);
}
