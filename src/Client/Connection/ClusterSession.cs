using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MusicClustering.Silo;
using MusicClustering.Silo.Security;
using MusicClustering.Silo.Telemetry;
using MusicClustering.Storage;
using Orleans.Configuration;

namespace MusicClustering.Client.Connection;

/// <summary>
/// A connection to the cluster and the blob store: either a client of a running cluster through a gateway, or an
/// embedded in-process silo with a local Azurite, started on demand so a user with nothing running gets a working system.
/// </summary>
public sealed class ClusterSession : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly AzuriteInstance? _azurite;

    private ClusterSession(IHost host, AzuriteInstance? azurite, ArtifactStore store, bool embedded)
    {
        _host = host;
        _azurite = azurite;
        Store = store;
        IsEmbedded = embedded;
    }

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();
    public ArtifactStore Store { get; }
    public bool IsEmbedded { get; }

    public static async Task<ClusterSession> OpenAsync(ClientSettings settings, CancellationToken cancellationToken)
    {
        return settings.IsEmbedded
            ? await OpenEmbeddedAsync(settings, cancellationToken)
            : await OpenGatewayAsync(settings, cancellationToken);
    }

    private static async Task<ClusterSession> OpenGatewayAsync(ClientSettings settings, CancellationToken cancellationToken)
    {
        var gateway = EndpointParser.Parse(settings.Gateway!, "gateway");
        var builder = Host.CreateApplicationBuilder();
        QuietLogging(builder);
        builder.UseOrleansClient(client => client
            .UseStaticClustering(gateway)
            .UseConfiguredTls(settings.Cluster.Tls)
            .UseMusicClusteringTelemetry(settings.Telemetry)
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.Cluster.ClusterId;
                o.ServiceId = settings.Cluster.ServiceId;
            }));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var store = new ArtifactStore(settings.Storage.ToStoreOptions());
        await store.EnsureContainersAsync(cancellationToken);
        return new ClusterSession(host, null, store, embedded: false);
    }

    private static async Task<ClusterSession> OpenEmbeddedAsync(ClientSettings settings, CancellationToken cancellationToken)
    {
        var azurite = await AzuriteLauncher.EnsureRunningAsync(
            new AzuriteLaunchOptions
            {
                Port = settings.AzuritePort,
                Location = Path.Combine(settings.DataDirectory, "azurite"),
            },
            cancellationToken);
        try
        {
            var storage = settings.Storage with { ConnectionString = azurite.ConnectionString };
            var siloSettings = settings.Cluster with
            {
                Clustering = ClusteringModes.Localhost,
                SiloPort = FreeTcpPort(),
                GatewayPort = FreeTcpPort(),
                PrimarySiloEndpoint = null,
                SiloName = "embedded",
            };
            var builder = Host.CreateApplicationBuilder();
            QuietLogging(builder);
            builder.UseOrleans(silo => silo
                .UseConfiguredClustering(siloSettings)
                .UseMusicClustering(siloSettings, storage)
                .AddActivityPropagation()
                .ConfigureServices(services => services.AddMusicClusteringTelemetry(
                    settings.Telemetry, TelemetrySetup.ClientServiceName, "embedded", exposePrometheus: false)));
            var host = builder.Build();
            await host.StartAsync(cancellationToken);
            var store = host.Services.GetRequiredService<ArtifactStore>();
            await store.EnsureContainersAsync(cancellationToken);
            return new ClusterSession(host, azurite, store, embedded: true);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Logs go to stderr at Warning and above, so stdout stays clean for <c>--json</c>.</summary>
    private static void QuietLogging(HostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The embedded silo's start-up advice (server GC) is for long-running hosts, not a console command.
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _host.Dispose();
            if (_azurite is not null)
            {
                await _azurite.DisposeAsync();
            }
        }
    }
}
