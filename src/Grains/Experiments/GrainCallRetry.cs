using Orleans.Runtime;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Retries a grain call that failed because its silo died or a message was lost: the next attempt activates the grain
/// on a live silo. Track extraction is idempotent (its output is a content-addressed blob), so a retry can't double it.
/// </summary>
internal static class GrainCallRetry
{
    private const int MaxAttempts = 5;

    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsTransient(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt * attempt));
            }
        }
    }

    public static bool IsTransient(Exception exception) => exception is
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or ClientNotAvailableException
        or OrleansException { InnerException: SiloUnavailableException or TimeoutException };
}
