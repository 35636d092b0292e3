using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MusicClustering.Silo;
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
        ConsoleLogging.Quiet(builder);
        builder.UseOrleansClient(client => client
            .UseStaticClustering(gateway)
            .UseMusicClusteringTelemetry(settings.Telemetry)
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.Cluster.ClusterId;
                o.ServiceId = settings.Cluster.ServiceId;
            }));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var store = CreateStore(settings.Storage.ConnectionString, settings.Storage.ServiceVersion);
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
                SiloPort = LocalPorts.PickFree(),
                GatewayPort = LocalPorts.PickFree(),
                PrimarySiloEndpoint = null,
                SiloName = "embedded",
            };
            var builder = Host.CreateApplicationBuilder();
            ConsoleLogging.Quiet(builder);
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

    private static ArtifactStore CreateStore(string connectionString, string? serviceVersion) =>
        new(new ArtifactStoreOptions { ConnectionString = connectionString, ServiceVersion = serviceVersion });

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
