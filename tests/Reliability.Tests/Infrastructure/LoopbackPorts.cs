using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>Free ports and readiness probes on 127.0.0.1 only.</summary>
internal static class LoopbackPorts
{
    public static int PickFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Polls until the port accepts connections; <paramref name="failed"/> ends the wait early (the process died).</summary>
    public static async Task WaitUntilAnsweringAsync(int port, TimeSpan timeout, Func<string?> failed, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await AnswersAsync(port))
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
