using System.Collections.Concurrent;
using System.Diagnostics;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>
/// A process a test started: output captured, killed (whole tree, no grace) on dispose, and also when the test host
/// exits, so nothing outlives the run even when a test or fixture throws.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly Process _process;

    static ChildProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Values)
            {
                TryKill(process);
            }
        };
    }

    private ChildProcess(Process process, OutputTail output)
    {
        _process = process;
        Output = output;
    }

    public OutputTail Output { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string? ExitReason => _process.HasExited ? $"exited with code {_process.ExitCode}; last output:{Environment.NewLine}{Output}" : null;

    public static ChildProcess Start(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, IReadOnlyCollection<string>? markers = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Children must not export telemetry or pick up a developer's cluster settings.
        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        info.Environment.Remove("CLUSTER_GATEWAY");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var output = new OutputTail(markers ?? []);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, output);
    }

    /// <summary>SIGKILL to the whole tree: no shutdown hooks run, like a machine or container dying.</summary>
    public void Kill()
    {
        TryKill(_process);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException($"process {_process.Id} did not exit after SIGKILL");
        }
    }

    public void Dispose()
    {
        TryKill(_process);
        _process.WaitForExit(TimeSpan.FromSeconds(10));
        Running.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    private static void TryKill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
