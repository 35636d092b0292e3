using System.Globalization;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>
/// Resident memory of a local process, read from /proc (Linux): current (VmRSS) and peak (VmHWM), and the current
/// resident set split into anonymous memory (RssAnon: heaps, stacks, what a leak grows) and file-backed pages
/// (RssFile: code and mapped files, bounded by their size and reclaimable).
/// </summary>
internal static class ProcessMemory
{
    public static ResidentMemory Read(int pid)
    {
        var fields = File.ReadLines($"/proc/{pid}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim(), StringComparer.Ordinal);
        return new ResidentMemory(Kilobytes(fields, "VmRSS"), Kilobytes(fields, "VmHWM"), Kilobytes(fields, "RssAnon"), Kilobytes(fields, "RssFile"));
    }

    private static long Kilobytes(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value)
            ? long.Parse(value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture) * 1024
            : 0;
}

internal sealed record ResidentMemory(long Rss, long Peak, long Anonymous, long FileBacked);
