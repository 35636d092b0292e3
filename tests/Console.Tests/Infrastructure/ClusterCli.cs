using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MusicClustering.Console.Tests;

/// <summary>
/// Runs the real <c>cluster</c> console as a process, in embedded mode against a private Azurite (its own data folder
/// and port), as a user would: `dotnet cluster.dll ARGS`, stdin closed, both streams captured.
/// </summary>
public sealed class ClusterCli(string dataDirectory, int azuritePort)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(4);

    public string DataDirectory { get; } = dataDirectory;
    public int AzuritePort { get; } = azuritePort;

    /// <summary>The console to run; a copy outside the repository stands for a published client.</summary>
    public string Dll { get; init; } = RepoPaths.ClusterDll;

    public string WorkingDirectory { get; init; } = RepoPaths.Root;

    /// <summary>Variables to set (a null value removes one) on top of this process's environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public Task<CliResult> RunAsync(params string[] args) => Start(args).WaitAsync(DefaultTimeout);

    public RunningCli Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = WorkingDirectory,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "CLUSTER_GATEWAY", "Client__Gateway", "OTEL_EXPORTER_OTLP_ENDPOINT" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["CLUSTER_DATA"] = DataDirectory;
        info.Environment["Client__AzuritePort"] = AzuritePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Heartbeats every second, so `cluster cancel` from another process is seen within a second or two.
        info.Environment["Cluster__OwnershipHeartbeatSeconds"] = "1";
        info.Environment["Cluster__OwnershipLapseSeconds"] = "10";
        foreach (var (name, value) in Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return new RunningCli(info);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A console process in flight: its output so far, and its peak RSS sampled from /proc while it runs.</summary>
public sealed class RunningCli
{
    private static readonly TimeSpan RssInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private readonly Task<long> _peakRss;
    private readonly CancellationTokenSource _stop = new();

    public RunningCli(ProcessStartInfo info)
    {
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        _process.StandardInput.Close();
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
        _peakRss = Task.Run(SamplePeakRssAsync);
    }

    public async Task<CliResult> WaitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            throw new TimeoutException($"the console did not finish within {timeout}: {await _stderr}");
        }

        var elapsed = _watch.Elapsed;
        await _stop.CancelAsync();
        var result = new CliResult(_process.ExitCode, await _stdout, await _stderr, elapsed, await _peakRss);
        _process.Dispose();
        return result;
    }

    // VmHWM is the kernel's own high-water mark of the resident set, so sampling only has to catch it before exit.
    private async Task<long> SamplePeakRssAsync()
    {
        long peak = 0;
        var status = $"/proc/{_process.Id}/status";
        while (!_stop.IsCancellationRequested && !_process.HasExited)
        {
            try
            {
                var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kilobytes))
                {
                    peak = Math.Max(peak, kilobytes * 1024);
                }
            }
            catch (IOException)
            {
                break;
            }

            try
            {
                await Task.Delay(RssInterval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peak;
    }
}
