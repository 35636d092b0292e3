using System.Net.Security;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace MusicClustering.Silo.Security;

/// <summary>
/// Mutual TLS for the cluster's connections, the same for silos and clients: each side presents its certificate, and a
/// peer is accepted only when its certificate chains to the configured CA and carries the key usages of its role
/// (<see cref="TlsPeer"/>). Host names are not checked: silos are reached by IP address, and what admits a peer is the
/// cluster's own CA, which should issue nothing else.
/// </summary>
public static class ClusterTls
{
    /// <summary>TLS on the silo port (both directions) and the gateway port when <see cref="TlsSettings.Enabled"/>.</summary>
    public static ISiloBuilder UseConfiguredTls(this ISiloBuilder silo, TlsSettings settings) =>
        settings.Enabled ? silo.UseClusterTls(ClusterCredentials.Load(settings, TlsPeer.Silo)) : silo;

    /// <summary>TLS on the client's gateway connections when <see cref="TlsSettings.Enabled"/>.</summary>
    public static IClientBuilder UseConfiguredTls(this IClientBuilder client, TlsSettings settings) =>
        settings.Enabled ? client.UseClusterTls(ClusterCredentials.Load(settings, TlsPeer.Client)) : client;

    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, ClusterCredentials credentials) =>
        silo.Configure<SiloConnectionOptions>(connections =>
        {
            connections.ConfigureSiloInboundConnection(c => c.UseServerTls(Options(credentials, TlsPeer.Silo, c)));
            connections.ConfigureSiloOutboundConnection(c => c.UseClientTls(Options(credentials, TlsPeer.Silo, c)));
            connections.ConfigureGatewayInboundConnection(c => c.UseServerTls(Options(credentials, TlsPeer.Client, c)));
        });

    public static IClientBuilder UseClusterTls(this IClientBuilder client, ClusterCredentials credentials) =>
        client.Configure<ClientConnectionOptions>(connections =>
            connections.ConfigureConnection(c => c.UseClientTls(Options(credentials, TlsPeer.Gateway, c))));

    private static TlsOptions Options(ClusterCredentials credentials, TlsPeer peer, IConnectionBuilder connection)
    {
        var logger = connection.ApplicationServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(ClusterTls).FullName!)
            ?? NullLogger.Instance;
        return new TlsOptions
        {
            LocalCertificate = credentials.Certificate,
            // Mutual: a server demands the client's certificate, a client always sends its own.
            RemoteCertificateMode = RemoteCertificateMode.RequireCertificate,
            ClientCertificateMode = RemoteCertificateMode.RequireCertificate,
            RemoteCertificateValidation = (certificate, chain, errors) => Accepts(credentials, peer, certificate, chain, errors, logger),
        };
    }

    private static bool Accepts(
        ClusterCredentials credentials, TlsPeer peer, X509Certificate2 certificate, X509Chain? chain,
        SslPolicyErrors errors, ILogger logger)
    {
        // Chain errors are expected (the CA is not in the OS store) and names are not checked; the CA decides.
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            logger.LogWarning("TLS: refused a {Peer} that presented no certificate", peer);
            return false;
        }

        var reason = credentials.Authority.Reject(certificate, chain, peer.RequiredUsages());
        if (reason is not null)
        {
            logger.LogWarning("TLS: refused a {Peer}: {Reason}", peer, reason);
        }

        return reason is null;
    }
}
