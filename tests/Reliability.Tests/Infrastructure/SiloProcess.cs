using System.Globalization;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>One real silo process (the product's MusicClustering.Silo.dll) on loopback, configured like deploy/local/cluster.sh.</summary>
internal sealed class SiloProcess : IDisposable
{
    /// <summary>What <c>StorageResilience</c> logs (at Warning) before each storage retry.</summary>
    public const string StorageRetryMarker = "retrying in";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly ChildProcess _process;

    private SiloProcess(ChildProcess process, string name, int siloPort, int gatewayPort)
    {
        _process = process;
        Name = name;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public string Name { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public bool IsRunning => !_process.HasExited;

    public int ProcessId => _process.Id;

    public string LogTail => _process.Output.ToString();

    /// <summary>Everything kept of the process's output (the newest 5,000 lines).</summary>
    public string Log => _process.Output.All();

    /// <summary>Storage operations this silo retried (from its log).</summary>
    public int StorageRetries => _process.Output.Count(StorageRetryMarker);

    /// <summary>True when the product's silo description (<c>name@address:port</c>) names this silo.</summary>
    public bool Hosts(string siloDescription) =>
        siloDescription == $"{Name}@127.0.0.1:{SiloPort.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<SiloProcess> StartAsync(SiloProcessOptions options)
    {
        var environment = new Dictionary<string, string>
        {
            ["Cluster__Clustering"] = "redis",
            ["Cluster__RedisConnectionString"] = options.RedisConnectionString,
            ["Cluster__ClusterId"] = options.ClusterId,
            ["Cluster__ServiceId"] = options.ServiceId,
            ["Cluster__SiloName"] = options.Name,
            ["Cluster__SiloPort"] = options.SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Cluster__GatewayPort"] = options.GatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Cluster__AdvertisedAddress"] = "127.0.0.1",
            ["Cluster__MaxConcurrentExtractions"] = options.MaxConcurrentExtractions.ToString(CultureInfo.InvariantCulture),
            ["Cluster__MeasureMessageSizes"] = options.MeasureMessageSizes ? "true" : "false",
            ["Storage__ConnectionString"] = options.StorageConnectionString,
            // Several silos share the machine: no fixed listener ports besides the ones chosen here.
            ["Telemetry__PrometheusPort"] = "0",
            ["Telemetry__Dashboard__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var process = ChildProcess.Start("dotnet", [RepositoryPaths.SiloDll], environment, [StorageRetryMarker]);
        try
        {
            // The gateway opens once the silo has joined the cluster and can take client calls.
            await LoopbackPorts.WaitUntilAnsweringAsync(options.GatewayPort, StartTimeout, () => process.ExitReason, $"silo {options.Name}");
            return new SiloProcess(process, options.Name, options.SiloPort, options.GatewayPort);
        }
        catch (Exception ex)
        {
            var tail = process.Output.ToString();
            process.Dispose();
            throw new InvalidOperationException($"{ex.Message}{Environment.NewLine}silo {options.Name} output:{Environment.NewLine}{tail}", ex);
        }
    }

    /// <summary>SIGKILL: the silo gets no chance to deactivate grains or leave the membership table.</summary>
    public void Kill() => _process.Kill();

    public void Dispose() => _process.Dispose();
}

internal sealed record SiloProcessOptions(
    string Name,
    int SiloPort,
    int GatewayPort,
    string ClusterId,
    string ServiceId,
    string RedisConnectionString,
    string StorageConnectionString,
    int MaxConcurrentExtractions = 1,
    bool MeasureMessageSizes = false);
