using MusicClustering.Silo;
using MusicClustering.Storage;
using Orleans.TestingHost;

namespace MusicClustering.Integration.Tests;

/// <summary>A real two-silo cluster (InProcessTestCluster) against a real Azurite started for this test run.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int Silos = 2;

    private AzuriteInstance? _azurite;
    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("cluster not started");
    public IClusterClient Client => Cluster.Client;
    public ArtifactStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteLauncher.EnsureRunningAsync(new AzuriteLaunchOptions { Port = 0 }, CancellationToken.None);
        var storage = new StorageSettings { ConnectionString = _azurite.ConnectionString };
        var settings = new SiloSettings { MaxConcurrentExtractions = 2 };
        var builder = new InProcessTestClusterBuilder(Silos);
        builder.ConfigureSilo((_, silo) => silo.UseMusicClustering(settings, storage));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        Store = new ArtifactStore(new ArtifactStoreOptions { ConnectionString = _azurite.ConnectionString });
        await Store.EnsureContainersAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
