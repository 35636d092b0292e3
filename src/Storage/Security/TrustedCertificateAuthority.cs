using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MusicClustering.Storage;

/// <summary>
/// The private certificate authority a deployment trusts, loaded from one PEM (or DER) file. A peer's certificate is
/// accepted only when it chains to one of these certificates: the operating system's trust store is never consulted,
/// so a certificate from any other CA, public or private, is refused.
/// </summary>
public sealed class TrustedCertificateAuthority
{
    /// <summary>Extended key usage "TLS server authentication".</summary>
    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>Extended key usage "TLS client authentication".</summary>
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private readonly X509Certificate2Collection _roots;

    private TrustedCertificateAuthority(X509Certificate2Collection roots, string source)
    {
        _roots = roots;
        Source = source;
    }

    /// <summary>Where the certificates came from (a path), for messages.</summary>
    public string Source { get; }

    /// <summary>The trusted certificates (usually one self-signed root).</summary>
    public IReadOnlyList<X509Certificate2> Certificates => [.. _roots];

    /// <summary>Loads every certificate of a PEM bundle, or a single DER certificate.</summary>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable or holds no certificate.</exception>
    public static TrustedCertificateAuthority Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"CA certificate file '{path}' does not exist.");
        }

        var roots = new X509Certificate2Collection();
        try
        {
            var text = File.ReadAllText(path);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                roots.ImportFromPem(text);
            }
            else
            {
                roots.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"CA certificate file '{path}' is not a PEM or DER certificate: {e.Message}", e);
        }

        if (roots.Count == 0)
        {
            throw new InvalidOperationException($"CA certificate file '{path}' holds no certificate.");
        }

        return new TrustedCertificateAuthority(roots, path);
    }

    /// <summary>A CA from certificates in memory (tests, callers with their own loading).</summary>
    public static TrustedCertificateAuthority Of(params X509Certificate2[] certificates)
    {
        ArgumentOutOfRangeException.ThrowIfZero(certificates.Length);
        return new TrustedCertificateAuthority([.. certificates], "memory");
    }

    /// <summary>
    /// Why <paramref name="certificate"/> is not acceptable, or null when it chains to this CA, is within its validity
    /// period and carries every one of <paramref name="requiredUsages"/> in an explicit extended key usage extension.
    /// </summary>
    /// <param name="certificate">The leaf certificate the peer presented.</param>
    /// <param name="presented">The chain the TLS stack built from what the peer sent; its intermediates are used, its trust verdict is not.</param>
    /// <param name="requiredUsages">Extended key usage OIDs, e.g. <see cref="ServerAuthentication"/>.</param>
    public string? Reject(X509Certificate2 certificate, X509Chain? presented, params string[] requiredUsages)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var missing = MissingUsages(certificate, requiredUsages);
        if (missing.Count > 0)
        {
            return $"certificate '{certificate.Subject}' is not valid for {string.Join(" and ", missing.Select(UsageName))}";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        // A private CA publishes no revocation lists; revoke by replacing the CA (README, Security).
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        foreach (var element in presented?.ChainElements.Skip(1) ?? [])
        {
            chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }

        if (chain.Build(certificate))
        {
            return null;
        }

        var problems = chain.ChainStatus.Select(s => s.Status.ToString()).Distinct();
        return $"certificate '{certificate.Subject}' (thumbprint {certificate.Thumbprint}) does not chain to the CA in {Source}: "
            + string.Join(", ", problems);
    }

    /// <summary>
    /// HTTPS server validation (the blob endpoint): a certificate the operating system already trusts is accepted as
    /// usual; one it does not is accepted only when it chains to this CA. The host name must match either way.
    /// </summary>
    public bool AcceptsHttpsServer(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        return errors == SslPolicyErrors.RemoteCertificateChainErrors
            && certificate is X509Certificate2 server
            && Reject(server, chain, ServerAuthentication) is null;
    }

    private static List<string> MissingUsages(X509Certificate2 certificate, string[] requiredUsages)
    {
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .SelectMany(e => e.EnhancedKeyUsages.Cast<Oid>())
            .Select(o => o.Value)
            .ToHashSet(StringComparer.Ordinal);
        return requiredUsages.Where(u => !usages.Contains(u)).ToList();
    }

    private static string UsageName(string oid) => oid switch
    {
        ServerAuthentication => "server authentication",
        ClientAuthentication => "client authentication",
        _ => oid,
    };
}
