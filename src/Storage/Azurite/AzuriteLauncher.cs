using System.Diagnostics;

namespace MusicClustering.Storage;

/// <summary>Finds a running Azurite blob service or starts one as a child process (embedded client mode, tests).</summary>
public static class AzuriteLauncher
{
    private const int FreePortAttempts = 3;
    private const int LogLines = 40;
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Returns an instance for <see cref="AzuriteLaunchOptions.Port"/>: the server already answering there
    /// (not owned) or a newly started <c>azurite-blob</c> (owned; dispose to stop it). Port 0 always starts a
    /// new process on a free port.
    /// </summary>
    /// <exception cref="FileNotFoundException">Azurite is not installed; run deploy/local/install.sh.</exception>
    /// <exception cref="InvalidOperationException">The process exited or did not answer in time (message has its log tail).</exception>
    public static async Task<AzuriteInstance> EnsureRunningAsync(AzuriteLaunchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        if ((options.CertificatePath is null) != (options.KeyPath is null))
        {
            throw new ArgumentException("AzuriteLaunchOptions.CertificatePath and KeyPath go together.", nameof(options));
        }

        if (options.Port != 0 && options.ReuseRunning && await LocalPorts.AnswersAsync(options.Port, cancellationToken))
        {
            return new AzuriteInstance(options.Port, location: null, process: null, log: null, deleteLocation: false, options.UsesHttps);
        }

        var executable = options.ExecutablePath ?? AzuriteLocator.Find();
        if (executable is null || !File.Exists(executable))
        {
            throw new FileNotFoundException(
                $"Azurite (azurite-blob) is not installed{(executable is null ? string.Empty : $" at {executable}")}: {AzuriteLocator.InstallAdvice}.",
                executable);
        }

        if (options.Detached)
        {
            return await StartDetachedAsync(executable, options, cancellationToken);
        }

        if (options.Port != 0)
        {
            return await StartAsync(executable, options.Port, options, cancellationToken);
        }

        // A picked port can be taken before Azurite binds it; try a few.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartAsync(executable, LocalPorts.PickFree(), options, cancellationToken);
            }
            catch (AzuriteStartException) when (attempt < FreePortAttempts)
            {
                // Next port.
            }
        }
    }

    private static async Task<AzuriteInstance> StartAsync(
        string executable, int port, AzuriteLaunchOptions options, CancellationToken cancellationToken)
    {
        var ownsLocation = options.Location is null;
        var location = options.Location ?? Path.Combine(Path.GetTempPath(), $"azurite-{Guid.NewGuid():N}");
        Directory.CreateDirectory(location);

        var log = new BoundedLog(LogLines);
        var process = new Process { StartInfo = StartInfo(executable, port, location, options) };
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.Start();
        OwnedProcesses.Add(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var instance = new AzuriteInstance(port, location, process, log, ownsLocation, options.UsesHttps);
        try
        {
            await WaitUntilAnsweringAsync(process, port, options.StartTimeout, log, cancellationToken);
            instance.MarkAnswered();
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    private static async Task<AzuriteInstance> StartDetachedAsync(string executable, AzuriteLaunchOptions options, CancellationToken cancellationToken)
    {
        if (options.Location is null || options.Port == 0)
        {
            throw new ArgumentException("A detached Azurite needs a fixed port and a data location.", nameof(options));
        }

        Directory.CreateDirectory(options.Location);
        var logPath = DetachedAzurite.LogPath(options.Location);
        using var process = new Process { StartInfo = DetachedStartInfo(executable, options, logPath) };
        process.Start();
        var log = new BoundedLog(LogLines);
        try
        {
            await WaitUntilAnsweringAsync(process, options.Port, options.StartTimeout, log, cancellationToken, logPath);
        }
        catch
        {
            await ProcessSignals.StopAsync(process, TimeSpan.FromSeconds(2));
            throw;
        }

        DetachedAzurite.Record(options.Location, process.Id, options.Port);
        return new AzuriteInstance(options.Port, options.Location, process: null, log: null, deleteLocation: false) { StartedDetached = true };
    }

    // Through sh, so the server's output goes to a log file and it holds none of our pipes (a caller reading our
    // stdout to its end must not wait for Azurite), and through setsid, so Ctrl-C at the console leaves it running.
    private static ProcessStartInfo DetachedStartInfo(string executable, AzuriteLaunchOptions options, string logPath)
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, CreateNoWindow = true };
        var setsid = File.Exists("/usr/bin/setsid") ? "exec /usr/bin/setsid" : "exec";
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"{setsid} \"$0\" \"$@\" </dev/null >>\"{logPath}\" 2>&1");
        info.ArgumentList.Add(executable);
        foreach (var argument in Arguments(options.Port, options.Location!, options))
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static ProcessStartInfo StartInfo(string executable, int port, string location, AzuriteLaunchOptions options)
    {
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            CreateNoWindow = true,
        };
        foreach (var argument in Arguments(port, location, options))
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    // --skipApiVersionCheck: Azure.Storage.Blobs 12.30 sends API version 2026-10-06, newer than Azurite 3.37 knows.
    // --cert/--key: HTTPS, for a cluster whose blob clients trust a private CA (Storage:CaPath).
    private static string[] Arguments(int port, string location, AzuriteLaunchOptions options) =>
    [
        "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--location", location, "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        .. options.UsesHttps ? new[] { "--cert", options.CertificatePath!, "--key", options.KeyPath! } : [],
    ];

    private static async Task WaitUntilAnsweringAsync(
        Process process, int port, TimeSpan timeout, BoundedLog log, CancellationToken cancellationToken, string? logFile = null)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!await LocalPorts.AnswersAsync(port, cancellationToken))
        {
            if (process.HasExited)
            {
                log.AddFileTail(logFile);
                throw new AzuriteStartException(
                    $"Azurite exited with code {process.ExitCode} before answering on 127.0.0.1:{port}. Last output:{Environment.NewLine}{log.Tail()}");
            }

            if (stopwatch.Elapsed > timeout)
            {
                log.AddFileTail(logFile);
                throw new AzuriteStartException(
                    $"Azurite did not answer on 127.0.0.1:{port} within {timeout.TotalSeconds:0}s. Last output:{Environment.NewLine}{log.Tail()}");
            }

            await Task.Delay(ProbeInterval, cancellationToken);
        }
    }
}
