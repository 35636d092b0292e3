using System.Diagnostics;
using System.Globalization;

namespace MusicClustering.Storage;

/// <summary>
/// The Azurite that the embedded console leaves running for the next command: its pid and port are recorded in
/// <c>azurite.pid</c> in its data folder, and <see cref="StopAsync"/> stops it (SIGTERM, so it persists its metadata).
/// </summary>
public static class DetachedAzurite
{
    private const string PidFile = "azurite.pid";
    private const string LogFile = "azurite.log";

    public static string LogPath(string location) => Path.Combine(location, LogFile);

    internal static void Record(string location, int pid, int port) =>
        File.WriteAllText(Path.Combine(location, PidFile), string.Create(CultureInfo.InvariantCulture, $"{pid} {port}\n"));

    /// <summary>
    /// Stops the Azurite recorded in <paramref name="location"/>. Returns its port, or null when none was recorded or the
    /// recorded process is gone (or is no longer an Azurite: pids are reused).
    /// </summary>
    public static async Task<int?> StopAsync(string location, TimeSpan grace)
    {
        var path = Path.Combine(location, PidFile);
        if (!File.Exists(path))
        {
            return null;
        }

        var fields = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        File.Delete(path);
        if (fields.Length != 2 || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(fields[1], CultureInfo.InvariantCulture, out var port) || !IsAzurite(pid))
        {
            return null;
        }

        using var process = Process.GetProcessById(pid);
        await ProcessSignals.StopAsync(process, grace);
        return port;
    }

    private static bool IsAzurite(int pid)
    {
        var commandLine = $"/proc/{pid}/cmdline";
        try
        {
            return File.Exists(commandLine) && File.ReadAllText(commandLine).Contains("azurite", StringComparison.OrdinalIgnoreCase);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
