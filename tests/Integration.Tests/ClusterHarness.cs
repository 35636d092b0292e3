using MusicClustering.Silo;
using MusicClustering.Storage;
using Orleans.TestingHost;

namespace MusicClustering.Integration.Tests;

/// <summary>
/// A real Azurite on a free port plus an <see cref="InProcessTestCluster"/> whose silos run our services against it.
/// Fixtures differ only in how they shape the cluster, which they say through <c>configure</c>.
/// </summary>
public sealed class ClusterHarness : IAsyncDisposable
{
    private readonly AzuriteInstance _azurite;

    private ClusterHarness(AzuriteInstance azurite, InProcessTestCluster cluster, ArtifactStore store)
    {
        _azurite = azurite;
        Cluster = cluster;
        Store = store;
    }

    /// <summary>
    /// Silo settings for tests: ownership heartbeats every second and lapses after five, so takeovers happen within
    /// a test's patience; production waits 30 s (<see cref="MusicClustering.Grains.Ownership.OwnershipSettings.Default"/>).
    /// </summary>
    public static SiloSettings TestSiloSettings { get; } = new()
    {
        MaxConcurrentExtractions = 2,
        OwnershipHeartbeatSeconds = 1,
        OwnershipLapseSeconds = 5,
    };

    /// <summary>The library root every test silo has (<c>Storage:LibraryRoots:tests</c>), for tracks read in place.</summary>
    public const string LibraryRoot = "tests";

    /// <summary>The folder of <see cref="LibraryRoot"/>: tests put in-place corpora in sub-folders of it.</summary>
    public static string LibraryFolder { get; } = Directory.CreateTempSubdirectory("mc-library-").FullName;

    public InProcessTestCluster Cluster { get; }
    public IClusterClient Client => Cluster.Client;
    public ArtifactStore Store { get; }

    /// <param name="silos">How many silos to start.</param>
    /// <param name="configure">Shapes the cluster; by default every silo gets <see cref="SiloHosting.UseMusicClustering"/>.</param>
    public static async Task<ClusterHarness> StartAsync(int silos, Action<InProcessTestClusterBuilder, StorageSettings>? configure = null)
    {
        var azurite = await AzuriteLauncher.EnsureRunningAsync(new AzuriteLaunchOptions { Port = 0 }, CancellationToken.None);
        try
        {
            var storage = new StorageSettings
            {
                ConnectionString = azurite.ConnectionString,
                LibraryRoots = new Dictionary<string, string> { [LibraryRoot] = LibraryFolder },
            };
            var builder = new InProcessTestClusterBuilder((short)silos);
            if (configure is null)
            {
                builder.ConfigureSilo((_, silo) => silo.UseMusicClustering(TestSiloSettings, storage));
            }
            else
            {
                configure(builder, storage);
            }

            var cluster = builder.Build();
            await cluster.DeployAsync();
            var store = new ArtifactStore(new ArtifactStoreOptions { ConnectionString = azurite.ConnectionString });
            await store.EnsureContainersAsync(CancellationToken.None);
            return new ClusterHarness(azurite, cluster, store);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cluster.DisposeAsync();
        }
        finally
        {
            await _azurite.DisposeAsync();
        }
    }
}
