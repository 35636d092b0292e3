using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>
/// Reads hand-written JSON (snake_case, comments and trailing commas allowed) into a spec record: malformed JSON names
/// its line and position, every unknown field is listed at once with the valid fields of its object and the likely
/// one meant (<see cref="SpecFields"/>), and a value of the wrong type says what was expected. One line each, for
/// experiment specs and <c>--onnx-options</c> files alike.
/// </summary>
internal static class StrictJson
{
    private static readonly JsonSerializerOptions Options = new(ResultsJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        // SpecFields reads the fields from the same metadata the deserializer uses.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <param name="source">Where the JSON came from (a file path), the start of every message.</param>
    /// <param name="what">What it should be, in words: "experiment spec", "onnx options".</param>
    /// <param name="prepare">Rewrites the parsed tree before it is checked (e.g. <c>"k": "auto"</c>).</param>
    public static T Parse<T>(string json, string source, string what, Action<JsonNode?>? prepare = null)
        where T : class
    {
        var type = Options.GetTypeInfo(typeof(T));
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{source}: not a valid {what}: the JSON is malformed at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}.", ex);
        }

        if (node is not JsonObject)
        {
            throw new ArgumentException($"{source}: not a valid {what}: expected a JSON object {{ ... }}.");
        }

        prepare?.Invoke(node);
        var unknown = SpecFields.Unknown(node, type, Options);
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"{source}: unknown field{(unknown.Count > 1 ? "s" : "")} {string.Join("; ", unknown)}.");
        }

        try
        {
            return node.Deserialize<T>(Options) ?? throw new ArgumentException($"{source}: not a valid {what}: expected a JSON object {{ ... }}.");
        }
        catch (JsonException ex)
        {
            var field = ex.Path?.TrimStart('$', '.') ?? "";
            var expected = SpecFields.ExpectedAt(ex.Path, type, Options);
            throw new ArgumentException(expected is null
                ? $"{source}: not a valid {what} at {ex.Path ?? "the top level"}."
                : $"{source}: \"{field}\" must be {expected} (at {ex.Path}).", ex);
        }
    }
}
