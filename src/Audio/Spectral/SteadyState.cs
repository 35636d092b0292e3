using System.Diagnostics;

namespace MusicClustering.Audio;

/// <summary>
/// Timing after warm-up: JIT tiering, OSR and caches settle within a few calls, so timed calls start only after at
/// least 5 calls and 300 ms of them.
/// </summary>
public static class SteadyState
{
    public static void WarmUp(Action work)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5 || watch.ElapsedMilliseconds < 300; i++)
        {
            work();
        }
    }

    /// <summary>Milliseconds of each of <paramref name="repeats"/> calls.</summary>
    public static double[] Time(int repeats, Action work)
    {
        var result = new double[repeats];
        for (var r = 0; r < repeats; r++)
        {
            var start = Stopwatch.GetTimestamp();
            work();
            result[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return result;
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
