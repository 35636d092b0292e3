using System.Diagnostics;
using System.Globalization;
using MusicClustering.Storage;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>A throwaway redis-server on a free loopback port, no persistence; it holds the cluster's membership table.</summary>
internal sealed class RedisServer : IDisposable
{
    private readonly ChildProcess _process;

    private RedisServer(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var executable = FindExecutable() ?? Install();
        var port = LocalPorts.PickFree();
        var process = ChildProcess.Start(
            executable,
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            new Dictionary<string, string>());
        try
        {
            await LoopbackPorts.WaitUntilAnsweringAsync(port, TimeSpan.FromSeconds(20), () => process.ExitReason, "redis-server");
            return new RedisServer(process, port);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    public void Dispose() => _process.Dispose();

    private static string? FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);

    /// <summary>The same installer deploy/local/cluster.sh uses (Debian's redis-server).</summary>
    private static string Install()
    {
        var script = Path.Combine(RepositoryPaths.Root, "deploy", "local", "install.sh");
        using var install = Process.Start(new ProcessStartInfo(script, "--redis") { UseShellExecute = false })
            ?? throw new InvalidOperationException($"could not run {script}");
        if (!install.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            install.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} --redis did not finish within 5 minutes");
        }

        return FindExecutable() ?? throw new InvalidOperationException($"{script} --redis ran (exit {install.ExitCode}) but redis-server is not on PATH");
    }
}
