using System.Reflection;

namespace MusicClustering.Contracts;

/// <summary>The versions a result records: the product, .NET and Orleans.</summary>
public static class RuntimeVersions
{
    public static IReadOnlyDictionary<string, string> Current { get; } = new Dictionary<string, string>
    {
        ["product"] = typeof(RuntimeVersions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev",
        ["dotnet"] = Environment.Version.ToString(),
        ["orleans"] = typeof(IGrain).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "",
    };
}
