using System.Diagnostics;
using System.Globalization;

namespace MusicClustering.Client.Connection;

/// <summary>When each part of a session's start-up finished, for <c>--verbose</c> (parts run concurrently).</summary>
public sealed class StartupTimings
{
    private static readonly DateTime ProcessStartUtc = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly double _beforeSession = (DateTime.UtcNow - ProcessStartUtc).TotalSeconds;
    private readonly List<(string Part, double Seconds)> _parts = [];
    private readonly Lock _gate = new();

    public async Task<T> MeasureAsync<T>(string part, Task<T> work)
    {
        var result = await work;
        Mark(part);
        return result;
    }

    public async Task MeasureAsync(string part, Task work)
    {
        await work;
        Mark(part);
    }

    public void Mark(string part)
    {
        lock (_gate)
        {
            _parts.Add((part, _watch.Elapsed.TotalSeconds));
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            var parts = string.Join(", ", _parts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Part} done at {p.Seconds:F2} s")));
            return string.Create(CultureInfo.InvariantCulture, $"{parts}; the process ran {_beforeSession:F2} s before the session began");
        }
    }
}
