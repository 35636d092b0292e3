using System.Diagnostics;
using MusicClustering.Storage;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>Readiness probes on 127.0.0.1 (free ports come from the product's <see cref="LocalPorts"/>).</summary>
internal static class LoopbackPorts
{
    /// <summary>Polls until the port accepts connections; <paramref name="failed"/> ends the wait early (the process died).</summary>
    public static async Task WaitUntilAnsweringAsync(int port, TimeSpan timeout, Func<string?> failed, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await LocalPorts.AnswersAsync(port))
        {
            if (failed() is { } reason)
            {
                throw new InvalidOperationException($"{what} did not start: {reason}");
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"{what} did not answer on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(200);
        }
    }
}
