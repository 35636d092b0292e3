using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MusicClustering.Storage;

namespace MusicClustering.Silo.Security;

/// <summary>
/// This process's TLS certificate and the CA it trusts, loaded once from <see cref="TlsSettings"/> by silos and the
/// console alike. Loading checks the certificate the way peers will (private key, validity, chain to the CA, key
/// usages for its role), so a misconfigured process stops at start with one clear line instead of being refused later.
/// </summary>
public sealed record ClusterCredentials(X509Certificate2 Certificate, TrustedCertificateAuthority Authority)
{
    private const string Section = TlsSettings.SectionName;

    /// <param name="settings">An enabled, validated TLS section.</param>
    /// <param name="role">What this process is to its peers: <see cref="TlsPeer.Silo"/> or <see cref="TlsPeer.Client"/>.</param>
    public static ClusterCredentials Load(TlsSettings settings, TlsPeer role)
    {
        settings.Validate();
        TrustedCertificateAuthority authority;
        try
        {
            authority = TrustedCertificateAuthority.Load(settings.CaPath!);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{Section}:CaPath: {e.Message}", e);
        }

        var certificate = settings.UsesStore ? FromStore(settings) : FromFiles(settings);
        Check(certificate, authority, role);
        return new ClusterCredentials(certificate, authority);
    }

    private static X509Certificate2 FromFiles(TlsSettings settings)
    {
        var path = settings.CertificatePath!;
        RequireFile(path, "CertificatePath");
        if (settings.KeyPath is { Length: > 0 } key)
        {
            RequireFile(key, "KeyPath");
        }

        try
        {
            var extension = Path.GetExtension(path);
            if (extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, settings.Password);
            }

            var keyPath = string.IsNullOrWhiteSpace(settings.KeyPath) ? null : settings.KeyPath;
            var pem = string.IsNullOrEmpty(settings.Password)
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, settings.Password, keyPath);
            // Windows' TLS stack cannot use the ephemeral key a PEM import gives; a PKCS#12 round trip persists it.
            return OperatingSystem.IsWindows() ? X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null) : pem;
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"{Section}: could not load a certificate with its private key from '{path}'"
                + $"{(settings.KeyPath is { Length: > 0 } ? $" and '{settings.KeyPath}'" : "")}: {e.Message.TrimEnd('.')} (is {Section}:Password right?).", e);
        }
    }

    private static X509Certificate2 FromStore(TlsSettings settings)
    {
        var name = Enum.Parse<StoreName>(settings.StoreName!, ignoreCase: true);
        var location = Enum.Parse<StoreLocation>(settings.StoreLocation, ignoreCase: true);
        using var store = new X509Store(name, location);
        try
        {
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"{Section}: certificate store {location}/{name} cannot be opened: {e.Message}", e);
        }

        var now = DateTime.Now;
        var wanted = settings.Thumbprint is { Length: > 0 } thumbprint
            ? $"thumbprint {thumbprint}"
            : $"subject '{settings.Subject}'";
        var match = store.Certificates.Cast<X509Certificate2>()
            .Where(c => Matches(c, settings))
            .Where(c => c.HasPrivateKey && c.NotBefore <= now && now <= c.NotAfter)
            .OrderByDescending(c => c.NotBefore)
            .FirstOrDefault();
        return match ?? throw new InvalidOperationException(
            $"{Section}: no currently valid certificate with a private key and {wanted} in store {location}/{name}.");
    }

    private static bool Matches(X509Certificate2 certificate, TlsSettings settings)
    {
        if (settings.Thumbprint is { Length: > 0 } thumbprint)
        {
            return certificate.Thumbprint.Equals(thumbprint.Replace(" ", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }

        var subject = settings.Subject!.Trim();
        return certificate.Subject.Equals(subject, StringComparison.OrdinalIgnoreCase)
            || certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false).Equals(subject, StringComparison.OrdinalIgnoreCase);
    }

    private static void Check(X509Certificate2 certificate, TrustedCertificateAuthority authority, TlsPeer role)
    {
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{Section}: certificate '{certificate.Subject}' has no private key (set {Section}:KeyPath?).");
        }

        var now = DateTime.Now;
        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            throw new InvalidOperationException(
                $"{Section}: certificate '{certificate.Subject}' is valid from {certificate.NotBefore:u} to {certificate.NotAfter:u}, not now.");
        }

        if (authority.Reject(certificate, presented: null, role.RequiredUsages()) is { } reason)
        {
            throw new InvalidOperationException($"{Section}: this {role.ToString().ToLowerInvariant()}'s own {reason}; its peers would refuse it.");
        }
    }

    private static void RequireFile(string path, string key)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Section}:{key} '{path}' does not exist.");
        }
    }
}
