using MusicClustering.Grains.Messaging;
using MusicClustering.Silo;
using MusicClustering.Storage;
using Orleans.TestingHost;

namespace MusicClustering.Integration.Tests.Performance;

/// <summary>A two-silo cluster with message-size measurement on, against its own Azurite.</summary>
public sealed class MeasuredClusterFixture : IAsyncLifetime
{
    public const int Silos = 2;

    private AzuriteInstance? _azurite;
    private InProcessTestCluster? _cluster;

    public IClusterClient Client => (_cluster ?? throw new InvalidOperationException("cluster not started")).Client;
    public ArtifactStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteLauncher.EnsureRunningAsync(new AzuriteLaunchOptions { Port = 0 }, CancellationToken.None);
        var storage = new StorageSettings { ConnectionString = _azurite.ConnectionString };
        var settings = new SiloSettings { MaxConcurrentExtractions = 1 };
        var builder = new InProcessTestClusterBuilder(Silos);
        builder.ConfigureSilo((_, silo) => silo.UseMusicClustering(settings, storage).AddMessageSizeMeasurement());
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
