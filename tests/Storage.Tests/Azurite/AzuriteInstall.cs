using System.Diagnostics;

namespace MusicClustering.Storage.Tests;

/// <summary>Makes `dotnet test` self-sufficient: runs deploy/local/install.sh when Azurite is not installed yet.</summary>
internal static class AzuriteInstall
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureInstalledAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (AzuriteLocator.Find() is not null)
            {
                return;
            }

            var script = AzuriteLocator.FindInstallScript()
                ?? throw new FileNotFoundException(
                    $"Azurite is not installed and {AzuriteLocator.InstallScript} was not found above {AppContext.BaseDirectory}.");
            await RunAsync(script);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(string script)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{script} failed with exit code {process.ExitCode}:{Environment.NewLine}{await output}{await error}");
        }
    }
}
