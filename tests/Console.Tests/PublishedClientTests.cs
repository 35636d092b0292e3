using System.Diagnostics;
using System.Net.Sockets;

namespace MusicClustering.Console.Tests;

/// <summary>
/// Row 4 of issue 12, the published client: a console outside the repository finds Azurite where
/// deploy/local/install.sh put it, or says in one line how to get it; `cluster stop` stops the Azurite it left running.
/// </summary>
public sealed class PublishedClientTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mc-published-").FullName;

    [Fact]
    public async Task A_client_outside_the_repository_finds_Azurite_through_install_sh_or_says_how_to_get_it()
    {
        var published = Path.Combine(_root, "app");
        await RunAsync("cp", "-al", Path.GetDirectoryName(RepoPaths.ClusterDll)!, published);
        var config = Path.Combine(_root, "config");
        var cli = new ClusterCli(Path.Combine(_root, "data"), ClusterCli.FreePort())
        {
            Dll = Path.Combine(published, "cluster.dll"),
            WorkingDirectory = _root,
            Environment = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = config, ["AZURITE_BLOB"] = null },
        };

        ConsoleAssert.UserError(await cli.RunAsync("experiments"), "Azurite (azurite-blob) is not installed", "deploy/local/install.sh");

        await RunAsync("env", $"XDG_CONFIG_HOME={config}", "bash", Path.Combine(RepoPaths.Root, "deploy", "local", "install.sh"));
        var listed = await cli.RunAsync("experiments");
        ConsoleAssert.Succeeded(listed);
        Assert.Contains("started Azurite", listed.Stderr, StringComparison.Ordinal);
        Assert.True(await AnswersAsync(cli.AzuritePort), "the embedded console leaves its Azurite running for the next command");

        var stop = await cli.RunAsync("stop");
        ConsoleAssert.Succeeded(stop);
        Assert.Contains($"stopped Azurite on 127.0.0.1:{cli.AzuritePort}", stop.Stderr, StringComparison.Ordinal);
        Assert.False(await AnswersAsync(cli.AzuritePort), "`cluster stop` should stop the Azurite");
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed: {await stdout}{await stderr}");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
