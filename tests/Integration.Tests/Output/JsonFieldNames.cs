using System.Text.Json;

namespace MusicClustering.Integration.Tests.Output;

/// <summary>Every field name of a JSON document in document order, as paths (<c>rows[].metrics.nmi</c>).</summary>
internal static class JsonFieldNames
{
    public static IReadOnlyList<string> Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        var paths = new List<string>();
        Walk(document.RootElement, "", paths);
        return paths;
    }

    private static void Walk(JsonElement element, string path, List<string> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    paths.Add(child);
                    Walk(property.Value, child, paths);
                }

                break;
            case JsonValueKind.Array:
                // The first element stands for all: the outputs' arrays hold one shape each.
                foreach (var item in element.EnumerateArray().Take(1))
                {
                    Walk(item, $"{path}[]", paths);
                }

                break;
        }
    }
}
