using System.Net;
using System.Net.Sockets;
using MusicClustering.Client.Errors;
using MusicClustering.Silo;

namespace MusicClustering.Client.Connection;

/// <summary>
/// Resolves the gateway address and checks that something accepts connections there before Orleans is asked to
/// connect, so an unreachable gateway is one precise line (refused, no answer, unknown host) within the deadline
/// instead of minutes of retries.
/// </summary>
public static class GatewayProbe
{
    public const string Advice = "start the cluster (deploy/local/cluster.sh up) or check --gateway / CLUSTER_GATEWAY; without a gateway the console runs embedded";

    public static async Task<IPEndPoint> ResolveReachableAsync(string gateway, CancellationToken deadline)
    {
        IPEndPoint endpoint;
        try
        {
            endpoint = EndpointParser.Parse(gateway, "gateway");
        }
        catch (SocketException ex)
        {
            throw new UserErrorException($"gateway '{gateway}': the host does not resolve ({ex.Message}); {Advice}.", ex);
        }
        catch (FormatException ex)
        {
            throw new UserErrorException($"{ex.Message.TrimEnd('.')}; e.g. --gateway 127.0.0.1:30000.", ex);
        }

        using var client = new TcpClient(endpoint.AddressFamily);
        try
        {
            await client.ConnectAsync(endpoint, deadline);
        }
        catch (SocketException ex)
        {
            throw Unreachable(gateway, endpoint, ex.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : ex.Message, ex);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
        {
            throw Unreachable(gateway, endpoint, "no answer", ex);
        }

        return endpoint;
    }

    public static UserErrorException Unreachable(string gateway, IPEndPoint endpoint, string why, Exception? inner = null)
    {
        var address = endpoint.ToString() == gateway ? gateway : $"{gateway} ({endpoint})";
        return new UserErrorException($"cannot reach the cluster gateway at {address}: {why}; {Advice}.", inner);
    }
}
