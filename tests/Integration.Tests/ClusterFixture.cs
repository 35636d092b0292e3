namespace MusicClustering.Integration.Tests;

/// <summary>A real two-silo cluster (InProcessTestCluster) against a real Azurite started for this test run.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int Silos = 2;

    private ClusterHarness? _harness;

    private ClusterHarness Harness => _harness ?? throw new InvalidOperationException("cluster not started");
    public IClusterClient Client => Harness.Client;
    public MusicClustering.Storage.ArtifactStore Store => Harness.Store;

    public async Task InitializeAsync() => _harness = await ClusterHarness.StartAsync(Silos);

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
