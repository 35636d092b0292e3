using System.Diagnostics;
using MusicClustering.TestSupport;

namespace MusicClustering.Integration.Tests.Output;

/// <summary>Runs the real <c>cluster</c> console (built beside the tests) and captures what it prints.</summary>
internal static class ConsoleProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cluster.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var outcome = await CapturedProcess.RunAsync(start, Timeout, $"cluster {string.Join(' ', arguments)}");
        return (outcome.ExitCode, outcome.Stdout, outcome.Stderr);
    }
}
