using System.Diagnostics;
using System.Text.Json;

namespace MusicClustering.Client.Commands.Bench.SideBySide;

/// <summary>
/// The Python reference (librosa, scikit-learn, PyTorch) run beside a benchmark on the same machine: the shared
/// harness's <c>run.sh</c> with its bundled librosa, one BLAS/OpenMP thread unless told otherwise. Located with
/// <c>--reference DIR</c>, else <c>shared/reference/harness</c> beside the repository (searched upwards from the working
/// directory and from the executable). The product never needs it; benchmarks without it print no ratio.
/// </summary>
public sealed class ReferenceHarness
{
    private const string RelativeLocation = "shared/reference/harness";

    private ReferenceHarness(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Scripts the repository ships for references the shared harness lacks (run with the harness's Python).</summary>
    public static string? RepositoryScript(string name)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "Reference", "scripts", name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The harness, or null with the reason it cannot be used (not found, or not set up).</summary>
    public static ReferenceHarness? Locate(string? explicitDirectory, out string whyNot)
    {
        var directory = explicitDirectory ?? Search();
        if (directory is null)
        {
            whyNot = $"the reference harness was not found ({RelativeLocation} beside the repository, or --reference DIR)";
            return null;
        }

        if (!File.Exists(Path.Combine(directory, "run.sh")))
        {
            whyNot = $"{directory} has no run.sh; it is not the reference harness";
            return null;
        }

        if (!IsSetUp(directory))
        {
            whyNot = $"the reference harness at {directory} is not set up (run {Path.Combine(directory, "setup.sh")} once)";
            return null;
        }

        whyNot = "";
        return new ReferenceHarness(Path.GetFullPath(directory));
    }

    /// <summary>
    /// Runs <paramref name="script"/> (a harness script name or a path) with <paramref name="arguments"/> and returns
    /// its standard output. Threads are pinned (OMP, OpenBLAS, MKL, numba) to <paramref name="threads"/>.
    /// </summary>
    public async Task<string> RunAsync(string script, IEnumerable<string> arguments, int threads, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Directory, "run.sh"));
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var pinned = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var variable in new[] { "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS", "NUMEXPR_NUM_THREADS" })
        {
            start.Environment[variable] = pinned;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the reference harness");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var tail = (await stderr).Trim().Split('\n').TakeLast(3);
            throw new ReferenceHarnessException($"reference {Path.GetFileName(script)} exited with {process.ExitCode}: {string.Join(" / ", tail)}");
        }

        return await stdout;
    }

    /// <summary>Runs a script that writes a JSON file and returns it parsed.</summary>
    public async Task<JsonDocument> RunToJsonFileAsync(
        string script, IEnumerable<string> argumentsBeforeOutput, IEnumerable<string> argumentsAfterOutput, int threads, CancellationToken cancellationToken)
    {
        var output = Path.Combine(Path.GetTempPath(), $"cluster-bench-{Guid.NewGuid():N}.json");
        try
        {
            await RunAsync(script, argumentsBeforeOutput.Append(output).Concat(argumentsAfterOutput), threads, cancellationToken);
            return JsonDocument.Parse(await File.ReadAllTextAsync(output, cancellationToken));
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Runs a script that prints one JSON object on stdout and returns it parsed.</summary>
    public async Task<JsonDocument> RunToJsonAsync(string script, IEnumerable<string> arguments, int threads, CancellationToken cancellationToken)
    {
        var stdout = await RunAsync(script, arguments, threads, cancellationToken);
        var begin = stdout.IndexOf('{', StringComparison.Ordinal);
        return begin < 0
            ? throw new ReferenceHarnessException($"reference {Path.GetFileName(script)} printed no JSON")
            : JsonDocument.Parse(stdout[begin..]);
    }

    private static string? Search()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativeLocation);
                if (File.Exists(Path.Combine(candidate, "run.sh")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    // The harness is set up when Debian's python3 imports what its scripts need (setup.sh installs exactly that).
    private static bool IsSetUp(string directory)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import numpy, scipy, sklearn, torch, soundfile, numba");
        start.Environment["PYTHONPATH"] = $"{Path.Combine(directory, "librosa-src")}:{Path.Combine(directory, "stubs")}";
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            process.WaitForExit(60_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>The reference ran but failed: the benchmark reports no ratio and says why.</summary>
public sealed class ReferenceHarnessException(string message) : Exception(message);
