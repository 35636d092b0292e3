namespace MusicClustering.Storage.Tests;

/// <summary>The retry pipeline rides out an Azurite restart: stop, keep retrying, start again on the same port and data.</summary>
public sealed class RetryTests : IAsyncLifetime
{
    private readonly string _location = Directory.CreateTempSubdirectory("azurite-retry-").FullName;

    public Task InitializeAsync() => AzuriteInstall.EnsureInstalledAsync();

    public Task DisposeAsync()
    {
        Directory.Delete(_location, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Operations_succeed_across_an_emulator_restart()
    {
        var first = await AzuriteLauncher.EnsureRunningAsync(
            new AzuriteLaunchOptions { Port = 0, Location = _location }, CancellationToken.None);
        var port = first.Port;
        var logger = new CountingLogger<ArtifactStore>();
        var store = new ArtifactStore(
            new ArtifactStoreOptions
            {
                ConnectionString = first.ConnectionString,
                MaxAttempts = 40,
                BaseDelay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromMilliseconds(400),
                AttemptTimeout = TimeSpan.FromSeconds(5),
            },
            logger);
        await store.EnsureContainersAsync();
        var payload = BinaryData.FromString("survives a restart");
        await store.UploadAsync(BlobContainers.Models, "retry/before.txt", payload, overwrite: true);

        await first.DisposeAsync();
        Assert.False(await LocalPorts.AnswersAsync(port));

        var download = store.DownloadAsync(BlobContainers.Models, "retry/before.txt");
        var upload = store.UploadAsync(BlobContainers.Models, "retry/during.txt", BinaryData.FromString("written while down"), overwrite: true);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(download.IsCompleted, "the download must still be retrying while Azurite is down");

        await using var second = await AzuriteLauncher.EnsureRunningAsync(
            new AzuriteLaunchOptions { Port = port, Location = _location, ReuseRunning = false }, CancellationToken.None);

        Assert.Equal(payload.ToString(), (await download.WaitAsync(TimeSpan.FromSeconds(15))).ToString());
        await upload.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("written while down", (await store.DownloadAsync(BlobContainers.Models, "retry/during.txt")).ToString());
        Assert.True(logger.Warnings >= 2, $"expected retries to be logged, saw {logger.Warnings}");
        Assert.DoesNotContain(logger.Messages, message => message.Contains(AzuriteDefaults.AccountKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Non_transient_failures_are_not_retried()
    {
        await using var azurite = await AzuriteLauncher.EnsureRunningAsync(
            new AzuriteLaunchOptions { Port = 0 }, CancellationToken.None);
        var logger = new CountingLogger<ArtifactStore>();
        var store = new ArtifactStore(new ArtifactStoreOptions { ConnectionString = azurite.ConnectionString, MaxAttempts = 5 }, logger);
        await Assert.ThrowsAsync<ArtifactNotFoundException>(() => store.DownloadAsync(BlobContainers.Models, "never/created.bin"));
        Assert.Equal(0, logger.Warnings);
    }
}
