using System.Diagnostics;

namespace MusicClustering.Integration.Tests.Features;

/// <summary>Runs the real <c>cluster</c> console (the built cluster.dll beside the tests) as a child process.</summary>
internal static class ConsoleProcess
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cluster.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cluster {string.Join(' ', arguments)} did not finish in 5 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A path under ../shared beside the repository (tests may read it; the product never does).</summary>
    public static string Shared(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cluster.sln")))
            {
                return Path.Combine([Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared")), .. parts]);
            }
        }

        throw new InvalidOperationException("no Cluster.sln above the test directory");
    }
}
