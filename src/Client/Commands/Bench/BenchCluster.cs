using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MusicClustering.Client.Connection;
using MusicClustering.Grains.Messaging;
using MusicClustering.Silo;
using MusicClustering.Storage;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// The cluster a benchmark runs against: N in-process silos (localhost clustering through the first, a fresh Azurite
/// so the first run is cold), or a running cluster through its gateway. Embedded silos measure message sizes.
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    private readonly IReadOnlyList<IHost> _silos;
    private readonly AzuriteInstance? _azurite;
    private readonly ClusterSession? _session;

    private BenchCluster(IReadOnlyList<IHost> silos, AzuriteInstance? azurite, ClusterSession? session, IClusterClient client, ArtifactStore store)
    {
        _silos = silos;
        _azurite = azurite;
        _session = session;
        Client = client;
        Store = store;
    }

    public IClusterClient Client { get; }
    public ArtifactStore Store { get; }
    public bool IsEmbedded => _session is null;

    public static async Task<BenchCluster> ConnectAsync(ClientSettings settings, CancellationToken cancellationToken)
    {
        var session = await ClusterSession.OpenAsync(settings, cancellationToken);
        return new BenchCluster([], null, session, session.Client, session.Store);
    }

    /// <param name="extractionsPerSilo">MFCC jobs per silo: 1 makes each in-process silo stand for a one-core node.</param>
    /// <param name="libraryRoots">Library roots of every silo (name → folder), for audio read in place.</param>
    public static async Task<BenchCluster> StartEmbeddedAsync(
        ClientSettings settings, int silos, int extractionsPerSilo, IReadOnlyDictionary<string, string>? libraryRoots, CancellationToken cancellationToken)
    {
        var azurite = await AzuriteLauncher.EnsureRunningAsync(new AzuriteLaunchOptions { Port = 0, ReuseRunning = false }, cancellationToken);
        var hosts = new List<IHost>();
        try
        {
            var storage = settings.Storage with
            {
                ConnectionString = azurite.ConnectionString,
                LibraryRoots = new Dictionary<string, string>(libraryRoots ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            };
            var primary = LocalPorts.PickFree();
            for (var i = 0; i < silos; i++)
            {
                var siloSettings = settings.Cluster with
                {
                    Clustering = ClusteringModes.Localhost,
                    SiloPort = i == 0 ? primary : LocalPorts.PickFree(),
                    GatewayPort = LocalPorts.PickFree(),
                    PrimarySiloEndpoint = $"127.0.0.1:{primary}",
                    SiloName = $"bench-{i}",
                    MaxConcurrentExtractions = extractionsPerSilo,
                };
                var builder = ConsoleHost.CreateBuilder(verbose: false);
                builder.UseOrleans(silo => silo
                    .UseConfiguredClustering(siloSettings)
                    .UseMusicClustering(siloSettings, storage)
                    .AddMessageSizeMeasurement());
                var host = builder.Build();
                hosts.Add(host);
                // The primary must be up before the others join through it.
                await host.StartAsync(cancellationToken);
            }

            var store = hosts[0].Services.GetRequiredService<ArtifactStore>();
            await store.EnsureContainersAsync(cancellationToken);
            return new BenchCluster(hosts, azurite, null, hosts[0].Services.GetRequiredService<IClusterClient>(), store);
        }
        catch
        {
            await StopAsync(hosts);
            await azurite.DisposeAsync();
            throw;
        }
    }

    private static async Task StopAsync(IEnumerable<IHost> hosts)
    {
        // Joiners leave first, the primary last.
        foreach (var host in hosts.Reverse())
        {
            try
            {
                await host.StopAsync(TimeSpan.FromSeconds(10));
            }
            finally
            {
                host.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(_silos);
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
    }
}
