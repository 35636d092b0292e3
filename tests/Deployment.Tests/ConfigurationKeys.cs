using System.Reflection;
using Microsoft.Extensions.Configuration;
using MusicClustering.Silo;
using MusicClustering.Silo.Telemetry;

namespace MusicClustering.Deployment.Tests;

/// <summary>The configuration keys the silo and the console actually read, and binding of an environment block to them.</summary>
internal static class ConfigurationKeys
{
    /// <summary>Variables that are not configuration keys but are read by someone (OpenTelemetry, the console, Orleans' Kubernetes hosting, the NVIDIA runtime).</summary>
    private static readonly string[] OtherVariables =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES",
        ClientSettingsVariables.Gateway, ClientSettingsVariables.DataDirectory,
        "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID",
        "NVIDIA_VISIBLE_DEVICES", "NVIDIA_DRIVER_CAPABILITIES",
    ];

    public static IReadOnlySet<string> Known { get; } = BuildKnown();

    /// <summary>Whether an environment variable means something to our processes (keys compare as configuration does, case-insensitively).</summary>
    public static bool IsKnown(string variable) =>
        variable.Contains("__", StringComparison.Ordinal)
            ? Known.Contains(variable.Replace("__", ":", StringComparison.Ordinal))
            : OtherVariables.Contains(variable, StringComparer.Ordinal);

    public static IConfiguration FromEnvironment(IReadOnlyDictionary<string, string> environment) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)))
            .Build();

    /// <summary>Binds and validates what a silo would read from this environment (throws as the silo would).</summary>
    public static (SiloSettings Silo, StorageSettings Storage, TelemetrySettings Telemetry) BindSilo(IReadOnlyDictionary<string, string> environment)
    {
        var configuration = FromEnvironment(environment);
        return (SiloSettings.FromConfiguration(configuration), StorageSettings.FromConfiguration(configuration), TelemetrySettings.FromConfiguration(configuration));
    }

    private static HashSet<string> BuildKnown()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Add(keys, SiloSettings.SectionName, typeof(SiloSettings));
        Add(keys, StorageSettings.SectionName, typeof(StorageSettings));
        Add(keys, TelemetrySettings.SectionName, typeof(TelemetrySettings));
        return keys;
    }

    private static void Add(HashSet<string> keys, string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsPrimitive || propertyType == typeof(string) || propertyType.IsEnum)
            {
                keys.Add(key);
            }
            else
            {
                Add(keys, key, propertyType);
            }
        }
    }
}

internal static class ClientSettingsVariables
{
    public const string Gateway = MusicClustering.Client.Connection.ClientSettings.GatewayVariable;
    public const string DataDirectory = MusicClustering.Client.Connection.ClientSettings.DataDirectoryVariable;
}
