using Orleans.Runtime;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Retries a grain call that failed because its silo died or a message was lost: the next attempt activates the grain
/// on a live silo. Track extraction is idempotent (its output is a content-addressed blob), so a retry can't double it.
/// </summary>
internal static class GrainCallRetry
{
    // Calls to a killed silo fail fast (connection refused) until membership declares it dead, which takes
    // ProbeTimeout × NumMissedProbesLimit plus voting (~15-25 s with Orleans' defaults); a count of quick attempts
    // gave up before that. So retries are bounded by time, comfortably past death detection.
    private static readonly TimeSpan RetryWindow = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    public static async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken = default)
    {
        var window = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (window.Elapsed < RetryWindow && IsTransient(ex))
            {
                var delay = TimeSpan.FromMilliseconds(250 * Math.Pow(2, Math.Min(attempt - 1, 4)));
                await Task.Delay(delay < MaxDelay ? delay : MaxDelay, cancellationToken);
            }
        }
    }

    public static bool IsTransient(Exception exception) => exception is
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or ClientNotAvailableException
        or OrleansException { InnerException: SiloUnavailableException or TimeoutException };
}
