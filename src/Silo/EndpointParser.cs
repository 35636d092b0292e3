using System.Net;

namespace MusicClustering.Silo;

/// <summary>Parses "host:port" strings from configuration and the command line.</summary>
public static class EndpointParser
{
    public static IPEndPoint Parse(string text, string what = "endpoint")
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"{what} '{text}' must look like host:port.");
        }

        var host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        var resolved = Dns.GetHostAddresses(host).FirstOrDefault()
            ?? throw new FormatException($"{what} '{text}': host '{host}' does not resolve.");
        return new IPEndPoint(resolved, port);
    }
}
