using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace MusicClustering.Deployment.Tests;

/// <summary>Finds the repository root and loads its YAML (merge keys resolved) and JSON files.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every document of a YAML file, as dictionaries, lists and strings.</summary>
    public static IReadOnlyList<object?> LoadYamlDocuments(string relative)
    {
        var deserializer = new DeserializerBuilder().Build();
        using var reader = new StringReader(Read(relative));
        var parser = new MergingParser(new Parser(reader));
        var documents = new List<object?>();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            documents.Add(deserializer.Deserialize<object?>(parser));
        }

        return documents.Where(d => d is not null).ToList();
    }

    public static Dictionary<object, object?> LoadYaml(string relative) =>
        Assert.IsType<Dictionary<object, object?>>(Assert.Single(LoadYamlDocuments(relative)));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cluster.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cluster.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Navigation over the untyped YAML tree.</summary>
internal static class Yaml
{
    public static Dictionary<object, object?> Map(object? node, string what) =>
        node as Dictionary<object, object?> ?? throw new Xunit.Sdk.XunitException($"{what} is not a mapping");

    public static List<object?> List(object? node, string what) =>
        node as List<object?> ?? throw new Xunit.Sdk.XunitException($"{what} is not a sequence");

    public static object? Get(this Dictionary<object, object?> map, string key) => map.TryGetValue(key, out var value) ? value : null;

    public static Dictionary<object, object?> GetMap(this Dictionary<object, object?> map, string key) => Map(map.Get(key), key);

    public static List<object?> GetList(this Dictionary<object, object?> map, string key) => List(map.Get(key), key);

    public static string? GetString(this Dictionary<object, object?> map, string key) => map.Get(key)?.ToString();

    public static IEnumerable<string> Strings(this List<object?> list) => list.Select(i => i?.ToString() ?? "");
}
