using System.Globalization;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>Resident memory of a local process, read from /proc (Linux): current (VmRSS) and peak (VmHWM).</summary>
internal static class ProcessMemory
{
    public static (long RssBytes, long PeakRssBytes) Read(int pid)
    {
        long rss = 0;
        long peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }

        return (rss, peak);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
