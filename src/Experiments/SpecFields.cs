using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace MusicClustering.Experiments;

/// <summary>
/// Plain-word checks of a hand-written spec's JSON against the spec's fields: every unknown field at once, each with
/// the valid fields of its object (and the likely one meant), and the expected kind of a value of the wrong type.
/// </summary>
internal static class SpecFields
{
    /// <summary>One line per unknown field, e.g. <c>"kk" (did you mean "k"?; valid: name, dataset, ...)</c>.</summary>
    public static IReadOnlyList<string> Unknown(JsonNode? node, JsonTypeInfo type, JsonSerializerOptions options)
    {
        var problems = new List<string>();
        Walk("", node, type, options, problems);
        return problems;
    }

    /// <summary>What a value at a JSON path (<c>$.training.epochs</c>) should be, in words, or null when the path is not a field.</summary>
    public static string? ExpectedAt(string? path, JsonTypeInfo root, JsonSerializerOptions options)
    {
        if (path is null)
        {
            return null;
        }

        Type? type = root.Type;
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Split('[')[0];
            var property = ObjectType(type, options)?.Properties.FirstOrDefault(p => p.Name == name);
            if (property is null)
            {
                return null;
            }

            type = part.Contains('[') ? ElementType(property.PropertyType) : property.PropertyType;
        }

        return type is null ? null : Describe(type);
    }

    private static void Walk(string path, JsonNode? node, JsonTypeInfo type, JsonSerializerOptions options, List<string> problems)
    {
        if (node is not JsonObject obj || type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var fields = type.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var (name, value) in obj)
        {
            var where = path.Length == 0 ? name : $"{path}.{name}";
            if (!fields.TryGetValue(name, out var property))
            {
                var guess = fields.Keys.OrderBy(k => Distance(k, name)).FirstOrDefault(k => Distance(k, name) <= Math.Max(2, name.Length / 3));
                problems.Add($"\"{where}\" ({(guess is null ? "" : $"did you mean \"{guess}\"? ")}valid fields{(path.Length == 0 ? "" : $" of {path}")}: {string.Join(", ", fields.Keys)})");
                continue;
            }

            if (ObjectType(property.PropertyType, options) is { } child)
            {
                Walk(where, value, child, options, problems);
            }
            else if (value is JsonArray array && ObjectType(ElementType(property.PropertyType), options) is { } element)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Walk($"{where}[{i}]", array[i], element, options, problems);
                }
            }
        }
    }

    private static JsonTypeInfo? ObjectType(Type? type, JsonSerializerOptions options)
    {
        if (type is null || type == typeof(string) || type.IsPrimitive)
        {
            return null;
        }

        var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
        return info.Kind == JsonTypeInfoKind.Object ? info : null;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments()[0] : null;

    private static string Describe(Type type)
    {
        var bare = Nullable.GetUnderlyingType(type) ?? type;
        return bare switch
        {
            _ when bare == typeof(int) || bare == typeof(long) => "a whole number",
            _ when bare == typeof(double) || bare == typeof(float) => "a number",
            _ when bare == typeof(bool) => "true or false",
            _ when bare == typeof(string) => "a string in quotes",
            _ when bare.IsArray || (bare.IsGenericType && ElementType(bare) is not null) => $"a list of {Plural(Describe(ElementType(bare)!))}",
            _ => "an object { ... }",
        };
    }

    private static string Plural(string kind) => kind switch
    {
        "a whole number" => "whole numbers",
        "a number" => "numbers",
        "a string in quotes" => "strings",
        _ => "objects",
    };

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
