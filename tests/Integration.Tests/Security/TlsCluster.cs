using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MusicClustering.Client.Connection;
using MusicClustering.Silo;
using MusicClustering.Silo.Security;
using MusicClustering.Storage;
using Orleans.Configuration;

namespace MusicClustering.Integration.Tests.Security;

/// <summary>
/// A cluster with mutual TLS on real loopback sockets: Azurite over HTTPS with a certificate from the test CA, and silo
/// hosts configured from <see cref="SiloSettings"/> exactly as the silo process configures itself (clustering, TLS,
/// services), joining through the first one. Certificates come from a fresh in-memory CA (<see cref="TestCertificates"/>).
/// </summary>
internal sealed class TlsCluster : IAsyncDisposable
{
    private readonly List<IHost> _silos = [];
    private readonly string _clusterId = $"tls-{Guid.NewGuid():N}"[..12];
    private AzuriteInstance? _azurite;
    private int _primarySiloPort;

    private TlsCluster()
    {
        Ca = TestCertificates.CreateCa("music-clustering test CA");
    }

    public TestCertificates Files { get; } = new();

    public X509Certificate2 Ca { get; }

    public LogCollector Logs { get; } = new();

    public StorageSettings Storage { get; private set; } = new();

    public int GatewayPort { get; private set; }

    /// <summary>TLS settings a silo of this cluster uses.</summary>
    public TlsSettings SiloTls => Files.Settings(TestCertificates.Silo(Ca), Ca);

    /// <summary>TLS settings a console of this cluster uses.</summary>
    public TlsSettings ClientTls => Files.Settings(TestCertificates.Client(Ca), Ca);

    public static async Task<TlsCluster> StartAsync(int silos)
    {
        var cluster = new TlsCluster();
        try
        {
            await cluster.StartAzuriteAsync();
            for (var i = 0; i < silos; i++)
            {
                await cluster.StartSiloAsync($"silo-{i}", cluster.SiloTls, CancellationToken.None);
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts a silo host with these TLS settings that joins through the first silo. It gives up joining after
    /// <paramref name="maxJoinTime"/> (Orleans' default is 5 minutes).
    /// </summary>
    public async Task StartSiloAsync(string name, TlsSettings tls, CancellationToken cancellationToken, TimeSpan? maxJoinTime = null)
    {
        var siloPort = LocalPorts.PickFree();
        var settings = ClusterHarness.TestSiloSettings with
        {
            ClusterId = _clusterId,
            Clustering = ClusteringModes.Localhost,
            SiloName = name,
            SiloPort = siloPort,
            GatewayPort = LocalPorts.PickFree(),
            PrimarySiloEndpoint = $"127.0.0.1:{(_silos.Count == 0 ? siloPort : _primarySiloPort)}",
            Tls = tls,
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddProvider(Logs);
        builder.UseOrleans(silo =>
        {
            silo.UseConfiguredClustering(settings).UseConfiguredTls(settings.Tls).UseMusicClustering(settings, Storage);
            if (maxJoinTime is { } limit)
            {
                silo.Configure<ClusterMembershipOptions>(o => o.MaxJoinAttemptTime = limit);
            }
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            await StopAsync(host);
            throw;
        }

        if (_silos.Count == 0)
        {
            _primarySiloPort = siloPort;
            GatewayPort = settings.GatewayPort;
        }

        _silos.Add(host);
    }

    /// <summary>What the console resolves in gateway mode, with these TLS settings.</summary>
    public ClientSettings Client(TlsSettings tls) => new()
    {
        Gateway = $"127.0.0.1:{GatewayPort}",
        Cluster = new SiloSettings { ClusterId = _clusterId, Tls = tls },
        Storage = Storage,
        DataDirectory = Files.Folder,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await StopAsync(silo);
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Files.Dispose();
    }

    private async Task StartAzuriteAsync()
    {
        var server = TestCertificates.Issue(Ca, "azurite", TrustedCertificateAuthority.ServerAuthentication);
        var (certificate, key) = Files.WritePem(server);
        _azurite = await AzuriteLauncher.EnsureRunningAsync(
            new AzuriteLaunchOptions { Port = 0, CertificatePath = certificate, KeyPath = key }, CancellationToken.None);
        Storage = new StorageSettings { ConnectionString = _azurite.ConnectionString, CaPath = Files.WriteCa(Ca) };
    }

    private static async Task StopAsync(IHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await host.StopAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or OrleansException or InvalidOperationException)
        {
            // A silo that never joined has nothing to leave gracefully.
        }
        finally
        {
            host.Dispose();
        }
    }
}
