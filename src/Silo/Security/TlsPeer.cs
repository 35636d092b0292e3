using MusicClustering.Storage;

namespace MusicClustering.Silo.Security;

/// <summary>
/// Who is at either end of a TLS connection, by the extended key usages its certificate must carry. A silo's certificate
/// is valid for server and client authentication (it accepts and opens connections); a console's only for client
/// authentication, so a client certificate can reach a gateway but never join the cluster as a silo.
/// </summary>
public enum TlsPeer
{
    /// <summary>Another silo (silo port, either direction).</summary>
    Silo,

    /// <summary>A client connecting to this silo's gateway.</summary>
    Client,

    /// <summary>The gateway a client connects to.</summary>
    Gateway,
}

public static class TlsPeers
{
    public static string[] RequiredUsages(this TlsPeer peer) => peer switch
    {
        TlsPeer.Silo => [TrustedCertificateAuthority.ServerAuthentication, TrustedCertificateAuthority.ClientAuthentication],
        TlsPeer.Client => [TrustedCertificateAuthority.ClientAuthentication],
        TlsPeer.Gateway => [TrustedCertificateAuthority.ServerAuthentication],
        _ => throw new ArgumentOutOfRangeException(nameof(peer), peer, null),
    };
}
