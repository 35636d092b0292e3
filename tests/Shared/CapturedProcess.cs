using System.Diagnostics;

namespace MusicClustering.TestSupport;

/// <summary>
/// Runs a process to its end with stdout and stderr captured, killing its whole tree when it runs past the timeout.
/// Linked into the test projects that start real programs (the console, chromium), so there is one copy.
/// </summary>
internal static class CapturedProcess
{
    /// <summary>What a finished process printed and how it exited.</summary>
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    /// <summary>Starts <paramref name="start"/> (its output redirected here) and waits; <paramref name="what"/> names it in the timeout.</summary>
    public static async Task<Outcome> RunAsync(ProcessStartInfo start, TimeSpan timeout, string what)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {what}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not exit within {timeout.TotalSeconds:0} s: {await stderr}");
        }

        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
