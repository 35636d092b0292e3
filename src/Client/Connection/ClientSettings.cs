using Microsoft.Extensions.Configuration;
using MusicClustering.Silo;
using MusicClustering.Silo.Telemetry;

namespace MusicClustering.Client.Connection;

/// <summary>
/// Where the console finds the cluster and the blob store. A gateway (<c>--gateway</c>, <c>CLUSTER_GATEWAY</c> or
/// <c>Client:Gateway</c>) connects to a running cluster; without one the console runs an embedded silo.
/// </summary>
public sealed record ClientSettings
{
    public const string GatewayVariable = "CLUSTER_GATEWAY";
    public const string DataDirectoryVariable = "CLUSTER_DATA";

    public string? Gateway { get; init; }
    public required SiloSettings Cluster { get; init; }
    public required StorageSettings Storage { get; init; }

    /// <summary>Exporters for the client's spans (OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, console on request).</summary>
    public TelemetrySettings Telemetry { get; init; } = new();

    /// <summary>Where embedded mode keeps its Azurite data, so results outlive the process.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The port of the local Azurite that embedded mode uses or starts.</summary>
    public int AzuritePort { get; init; } = 10000;

    /// <summary>
    /// Leave the Azurite that embedded mode starts running, so the next command starts in well under a second instead
    /// of waiting for Node.js (<c>Client:KeepAzurite</c>, default true; <c>cluster stop</c> stops it).
    /// </summary>
    public bool KeepAzurite { get; init; } = true;

    /// <summary>Stack traces, full log entries and start-up timings (<c>--verbose</c>).</summary>
    public bool Verbose { get; init; }

    public bool IsEmbedded => string.IsNullOrWhiteSpace(Gateway);

    /// <summary>Where embedded mode's Azurite keeps its data (and its pid file when it is left running).</summary>
    public string AzuriteLocation => Path.Combine(DataDirectory, "azurite");

    public static ClientSettings Resolve(IConfiguration configuration, string? gatewayOption)
    {
        var gateway = FirstNonEmpty(gatewayOption, configuration[GatewayVariable], configuration["Client:Gateway"]);
        var dataDirectory = FirstNonEmpty(configuration[DataDirectoryVariable], configuration["Client:DataDirectory"])
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "music-clustering");
        var azuritePort = configuration.GetValue("Client:AzuritePort", 10000);
        var storage = StorageSettings.FromConfiguration(configuration);
        if (string.IsNullOrWhiteSpace(gateway))
        {
            // Embedded mode's silo also reads the folders this user ingested in place (configured roots win on a clash).
            storage = storage with { LibraryRoots = WithEmbeddedRoots(storage.LibraryRoots, dataDirectory) };
        }

        return new ClientSettings
        {
            Gateway = gateway,
            Cluster = SiloSettings.FromConfiguration(configuration),
            Storage = storage,
            Telemetry = TelemetrySettings.FromConfiguration(configuration),
            DataDirectory = dataDirectory,
            AzuritePort = azuritePort,
            KeepAzurite = configuration.GetValue("Client:KeepAzurite", true),
        };
    }

    private static Dictionary<string, string> WithEmbeddedRoots(Dictionary<string, string> configured, string dataDirectory)
    {
        var roots = EmbeddedLibraryRoots.Read(dataDirectory);
        foreach (var (name, folder) in configured)
        {
            roots[name] = folder;
        }

        return roots;
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
