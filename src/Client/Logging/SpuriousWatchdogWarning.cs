using System.Diagnostics;

namespace MusicClustering.Client.Logging;

/// <summary>
/// Recognises Orleans' one false "Participant check thread has not completed ... potentially indicating ... deadlock"
/// warning. Orleans 10's <c>Watchdog.Start</c> starts the platform watchdog thread before it sets the component
/// watchdog's timestamp, so when that thread runs first (likely on a busy machine) it measures the stall from timestamp
/// zero: the reported duration is the machine's uptime. A stall longer than this process has lived cannot be real; a
/// real stall (shorter than the process's age) is still shown.
/// </summary>
public static class SpuriousWatchdogWarning
{
    public const string Category = "Orleans.Runtime.Watchdog";
    private const string DurationField = "TimeSinceLastTick";

    private static readonly DateTime ProcessStartUtc = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public static bool IsSpurious<TState>(string category, TState state)
    {
        if (category != Category || state is not IReadOnlyList<KeyValuePair<string, object?>> fields)
        {
            return false;
        }

        var stalled = fields.FirstOrDefault(f => f.Key == DurationField).Value as TimeSpan?;
        return stalled is { } duration && duration > DateTime.UtcNow - ProcessStartUtc;
    }
}
