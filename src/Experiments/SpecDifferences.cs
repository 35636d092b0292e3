using System.Text.Json.Nodes;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>What differs between two specs, field by field in their JSON names ("k: 10, not 5").</summary>
public static class SpecDifferences
{
    public static IReadOnlyList<string> Between(ExperimentSpec stored, ExperimentSpec requested)
    {
        var differences = new List<string>();
        Compare("", JsonNode.Parse(ResultsJson.Serialize(stored)), JsonNode.Parse(ResultsJson.Serialize(requested)), differences);
        return differences;
    }

    private static void Compare(string path, JsonNode? stored, JsonNode? requested, List<string> differences)
    {
        if (stored is JsonObject storedObject && requested is JsonObject requestedObject)
        {
            foreach (var key in storedObject.Select(p => p.Key).Union(requestedObject.Select(p => p.Key)))
            {
                Compare(path.Length == 0 ? key : $"{path}.{key}", storedObject[key], requestedObject[key], differences);
            }

            return;
        }

        if (!JsonNode.DeepEquals(stored, requested))
        {
            differences.Add($"{path}: {Show(stored)}, not {Show(requested)}");
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
