namespace MusicClustering.Grains.Messaging;

/// <summary>
/// Resets the kernel's peak-RSS mark of this process (Linux <c>/proc/self/clear_refs</c>, value 5), so a benchmark's
/// peak covers its own run rather than whatever the process did before. Elsewhere it does nothing.
/// </summary>
public static class PeakRss
{
    public static bool TryReset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
