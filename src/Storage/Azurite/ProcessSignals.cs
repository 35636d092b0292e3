using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MusicClustering.Storage;

/// <summary>Graceful stop for child processes: SIGTERM first so Azurite flushes its metadata, then kill.</summary>
internal static class ProcessSignals
{
    private const int SigTerm = 15;

    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }

        if (!OperatingSystem.IsWindows())
        {
            _ = Kill(process.Id, SigTerm);
            using var wait = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time; fall through to the hard kill.
            }
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
