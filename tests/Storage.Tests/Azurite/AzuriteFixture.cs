namespace MusicClustering.Storage.Tests;

/// <summary>One Azurite on a free port for the whole "Azurite" collection, with all containers created.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? _azurite;
    private ArtifactStore? _store;

    public AzuriteInstance Azurite => _azurite ?? throw new InvalidOperationException("Fixture not initialised.");

    public ArtifactStore Store => _store ?? throw new InvalidOperationException("Fixture not initialised.");

    public async Task InitializeAsync()
    {
        await AzuriteInstall.EnsureInstalledAsync();
        _azurite = await AzuriteLauncher.EnsureRunningAsync(new AzuriteLaunchOptions { Port = 0 }, CancellationToken.None);
        _store = new ArtifactStore(new ArtifactStoreOptions
        {
            ConnectionString = _azurite.ConnectionString,
            MaxAttempts = 3,
            BaseDelay = TimeSpan.FromMilliseconds(50),
        });
        await _store.EnsureContainersAsync();
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
