using System.Collections.Concurrent;
using System.Diagnostics;

namespace MusicClustering.Storage;

/// <summary>
/// Child processes this process started and has not stopped yet. If the host exits without disposing them
/// (a test run torn down, Ctrl+C), they are killed on the way out instead of lingering on their ports.
/// </summary>
internal static class OwnedProcesses
{
    private static readonly ConcurrentDictionary<int, Process> Live = new();

    static OwnedProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    public static void Add(Process process) => Live[process.Id] = process;

    public static void Remove(Process process) => Live.TryRemove(process.Id, out _);

    private static void KillAll()
    {
        foreach (var process in Live.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
