using MusicClustering.Storage;

namespace MusicClustering.Experiments.Tests;

/// <summary>A real Azurite on a free port with every container, shared by a test class.</summary>
public sealed class AzuriteStoreFixture : IAsyncLifetime
{
    private AzuriteInstance? _azurite;

    public ArtifactStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteLauncher.EnsureRunningAsync(new AzuriteLaunchOptions { Port = 0 }, CancellationToken.None);
        Store = new ArtifactStore(new ArtifactStoreOptions { ConnectionString = _azurite.ConnectionString });
        await Store.EnsureContainersAsync();
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
