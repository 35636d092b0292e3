namespace MusicClustering.Storage.Tests;

public sealed class AzuriteLauncherTests
{
    [Fact]
    public async Task Missing_executable_tells_the_user_to_run_install_script()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => AzuriteLauncher.EnsureRunningAsync(
            new AzuriteLaunchOptions { Port = 0, ExecutablePath = "/nonexistent/azurite-blob" }, CancellationToken.None));
        Assert.Contains("deploy/local/install.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owned_instance_stops_and_cleans_up_on_dispose()
    {
        await AzuriteInstall.EnsureInstalledAsync();
        var instance = await AzuriteLauncher.EnsureRunningAsync(new AzuriteLaunchOptions { Port = 0 }, CancellationToken.None);
        Assert.True(instance.OwnsProcess);
        Assert.True(await LocalPorts.AnswersAsync(instance.Port));
        var location = instance.Location!;
        Assert.True(Directory.Exists(location));

        await instance.DisposeAsync();

        Assert.False(await LocalPorts.AnswersAsync(instance.Port));
        Assert.False(Directory.Exists(location));
        if (!OperatingSystem.IsWindows())
        {
            // SIGTERM, not a hard kill: Azurite got to flush its metadata and close.
            Assert.Contains("successfully closed", instance.LogTail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_instance_stopped_the_moment_it_answers_still_closes_gracefully()
    {
        await AzuriteInstall.EnsureInstalledAsync();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var instance = await AzuriteLauncher.EnsureRunningAsync(new AzuriteLaunchOptions { Port = 0 }, CancellationToken.None);
            await instance.DisposeAsync();
            if (!OperatingSystem.IsWindows())
            {
                // Azurite registers its SIGTERM handler after it starts listening; a signal sent earlier kills it unclosed.
                Assert.True(instance.LogTail.Contains("successfully closed", StringComparison.Ordinal), $"attempt {attempt}:{Environment.NewLine}{instance.LogTail}");
            }
        }
    }

    [Fact]
    public async Task DetachedInstanceOutlivesItsInstanceAndStopsByItsRecordedPid()
    {
        await AzuriteInstall.EnsureInstalledAsync();
        var location = Directory.CreateTempSubdirectory("azurite-detached-").FullName;
        try
        {
            var port = LocalPorts.PickFree();
            var instance = await AzuriteLauncher.EnsureRunningAsync(
                new AzuriteLaunchOptions { Port = port, Location = location, Detached = true }, CancellationToken.None);
            Assert.True(instance.StartedDetached);
            Assert.False(instance.OwnsProcess);
            await instance.DisposeAsync();
            Assert.True(await LocalPorts.AnswersAsync(port), "a detached Azurite keeps running after its instance is disposed");

            var reused = await AzuriteLauncher.EnsureRunningAsync(
                new AzuriteLaunchOptions { Port = port, Location = location, Detached = true }, CancellationToken.None);
            Assert.False(reused.StartedDetached);

            Assert.Equal(port, await DetachedAzurite.StopAsync(location, TimeSpan.FromSeconds(10)));
            Assert.False(await LocalPorts.AnswersAsync(port));
            Assert.Null(await DetachedAzurite.StopAsync(location, TimeSpan.FromSeconds(1)));
        }
        finally
        {
            Directory.Delete(location, recursive: true);
        }
    }
}
