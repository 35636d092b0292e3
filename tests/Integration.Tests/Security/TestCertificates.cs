using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MusicClustering.Silo.Security;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Security;

/// <summary>
/// A throwaway PKI made in memory with <see cref="CertificateRequest"/>: self-signed CAs (never in the OS store) and
/// the silo, client and server certificates they issue, written as PEM or PKCS#12 files into a temporary folder that
/// is deleted on dispose. Nothing is downloaded and nothing is committed.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mc-tls-");
    private int _files;

    public string Folder => _folder.FullName;

    public static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-90), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>A certificate for a silo: server and client authentication.</summary>
    public static X509Certificate2 Silo(X509Certificate2 ca, string name = "silo") =>
        Issue(ca, name, TrustedCertificateAuthority.ServerAuthentication, TrustedCertificateAuthority.ClientAuthentication);

    /// <summary>A certificate for a console: client authentication only.</summary>
    public static X509Certificate2 Client(X509Certificate2 ca, string name = "client") =>
        Issue(ca, name, TrustedCertificateAuthority.ClientAuthentication);

    /// <summary>A leaf certificate for 127.0.0.1 and localhost with the given extended key usages (none: no extension).</summary>
    public static X509Certificate2 Issue(X509Certificate2 ca, string name, params string[] usages) =>
        Issue(ca, name, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), usages);

    public static X509Certificate2 Issue(X509Certificate2 ca, string name, DateTimeOffset notBefore, DateTimeOffset notAfter, params string[] usages)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, critical: true));
        if (usages.Length > 0)
        {
            var oids = new OidCollection();
            foreach (var usage in usages)
            {
                oids.Add(new Oid(usage));
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, critical: false));
        }

        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(ca, notBefore, notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Writes one or more CA certificates as a PEM bundle.</summary>
    public string WriteCa(params X509Certificate2[] cas) =>
        Write("ca.pem", string.Concat(cas.Select(c => c.ExportCertificatePem() + "\n")));

    /// <summary>A certificate and its key as two PEM files; with a password the key is encrypted (PKCS#8).</summary>
    public (string Certificate, string Key) WritePem(X509Certificate2 certificate, string? password = null)
    {
        var key = certificate.GetECDsaPrivateKey()!;
        var keyPem = password is null
            ? key.ExportPkcs8PrivateKeyPem()
            : key.ExportEncryptedPkcs8PrivateKeyPem(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000));
        return (Write("cert.pem", certificate.ExportCertificatePem()), Write("key.pem", keyPem));
    }

    /// <summary>A certificate with its key as one password-protected PKCS#12 file.</summary>
    public string WritePfx(X509Certificate2 certificate, string password)
    {
        var path = NextPath("cert.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    /// <summary>Enabled TLS settings for a PEM certificate and key trusting <paramref name="trusted"/>.</summary>
    public TlsSettings Settings(X509Certificate2 certificate, params X509Certificate2[] trusted)
    {
        var (cert, key) = WritePem(certificate);
        return new TlsSettings { Enabled = true, CertificatePath = cert, KeyPath = key, CaPath = WriteCa(trusted) };
    }

    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private string Write(string name, string text)
    {
        var path = NextPath(name);
        File.WriteAllText(path, text);
        return path;
    }

    private string NextPath(string name) => Path.Combine(Folder, $"{Interlocked.Increment(ref _files)}-{name}");
}
