using System.Text.Json.Nodes;

namespace MusicClustering.Console.Tests;

public static class Files
{
    /// <summary>Copies a file to a path relative to a folder, creating sub-folders.</summary>
    public static string CopyTo(string source, string folder, string relative)
    {
        var target = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
        return target;
    }

    public static string[] Clips(string corpus) => Directory.GetFiles(corpus, "*.wav").Order(StringComparer.Ordinal).ToArray();

    public static JsonNode Json(CliResult result)
    {
        try
        {
            return JsonNode.Parse(result.Stdout) ?? throw new InvalidOperationException("null");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new Xunit.Sdk.XunitException($"stdout is not JSON ({ex.Message}): {result}");
        }
    }

    /// <summary>The ingest report's path → id pairs.</summary>
    public static Dictionary<string, string> Ids(JsonNode report) =>
        report["ids"]!.AsArray().ToDictionary(e => (string)e!["path"]!, e => (string)e!["id"]!, StringComparer.Ordinal);
}
