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
    public async Task A_stream_read_resumes_where_it_stopped_when_the_emulator_restarts_mid_read()
    {
        var first = await AzuriteLauncher.EnsureRunningAsync(
            new AzuriteLaunchOptions { Port = 0, Location = _location }, CancellationToken.None);
        var port = first.Port;
        var store = new ArtifactStore(
            new ArtifactStoreOptions
            {
                ConnectionString = first.ConnectionString,
                MaxAttempts = 40,
                BaseDelay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromMilliseconds(400),
                AttemptTimeout = TimeSpan.FromSeconds(5),
                BlockSize = 64 * 1024,
            },
            new CountingLogger<ArtifactStore>());
        await store.EnsureContainersAsync();
        var payload = new byte[640 * 1024];
        new Random(7).NextBytes(payload);
        await store.UploadAsync(BlobContainers.Audio, "retry/long.bin", BinaryData.FromBytes(payload), overwrite: true);

        await using var stream = await store.OpenReadAsync(BlobContainers.Audio, "retry/long.bin");
        var read = new byte[payload.Length];
        var head = 100 * 1024;
        stream.ReadExactly(read, 0, head);
        await first.DisposeAsync();

        // Reads run on analysis threads (synchronously): the rest is read on one while the emulator is down.
        var rest = Task.Run(() => stream.ReadExactly(read, head, read.Length - head));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(rest.IsCompleted, "the read must wait while Azurite is down");
        await using var second = await AzuriteLauncher.EnsureRunningAsync(
            new AzuriteLaunchOptions { Port = port, Location = _location, ReuseRunning = false }, CancellationToken.None);

        await rest.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(payload.AsSpan().SequenceEqual(read), "the bytes read across the restart differ from the blob");
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
