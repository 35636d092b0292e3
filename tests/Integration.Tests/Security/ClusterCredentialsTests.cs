using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using MusicClustering.Silo;
using MusicClustering.Silo.Security;

namespace MusicClustering.Integration.Tests.Security;

/// <summary>Loading this process's certificate from files or a store, and the "Cluster:Tls" keys.</summary>
public sealed class ClusterCredentialsTests : IDisposable
{
    private const string Password = "s3cret-Passw0rd";
    private static readonly X509Certificate2 Ca = TestCertificates.CreateCa("cluster-ca");
    private readonly TestCertificates _files = new();

    [Fact]
    public void A_pem_certificate_and_key_load_and_pass_the_silo_check()
    {
        var credentials = ClusterCredentials.Load(_files.Settings(TestCertificates.Silo(Ca), Ca), TlsPeer.Silo);
        Assert.True(credentials.Certificate.HasPrivateKey);
        Assert.Equal("CN=silo", credentials.Certificate.Subject);
    }

    [Fact]
    public void An_encrypted_pem_key_needs_its_password()
    {
        var (cert, key) = _files.WritePem(TestCertificates.Silo(Ca), Password);
        var settings = new TlsSettings { Enabled = true, CertificatePath = cert, KeyPath = key, CaPath = _files.WriteCa(Ca), Password = Password };
        Assert.True(ClusterCredentials.Load(settings, TlsPeer.Silo).Certificate.HasPrivateKey);

        var error = Assert.Throws<InvalidOperationException>(() => ClusterCredentials.Load(settings with { Password = "wrong" }, TlsPeer.Silo));
        Assert.Contains("Cluster:Tls:Password", error.Message);
        Assert.DoesNotContain("wrong", error.Message.Replace("wrong?", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pfx_loads_with_its_password()
    {
        var settings = new TlsSettings
        {
            Enabled = true,
            CertificatePath = _files.WritePfx(TestCertificates.Client(Ca), Password),
            Password = Password,
            CaPath = _files.WriteCa(Ca),
        };
        Assert.Equal("CN=client", ClusterCredentials.Load(settings, TlsPeer.Client).Certificate.Subject);
        Assert.Contains("could not load", Assert.Throws<InvalidOperationException>(() => ClusterCredentials.Load(settings with { Password = "x" }, TlsPeer.Client)).Message);
    }

    [Fact]
    public void A_store_certificate_is_found_by_thumbprint_or_subject()
    {
        var name = $"mc-tls-test-{Guid.NewGuid():N}";
        var silo = TestCertificates.Silo(Ca, name);
        // A PKCS#12 round trip, so the store keeps the private key with the certificate.
        using var persisted = X509CertificateLoader.LoadPkcs12(silo.Export(X509ContentType.Pkcs12, Password), Password, X509KeyStorageFlags.Exportable);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(persisted);
        try
        {
            var ca = _files.WriteCa(Ca);
            var byThumbprint = new TlsSettings { Enabled = true, StoreName = "My", Thumbprint = silo.Thumbprint.ToLowerInvariant(), CaPath = ca };
            Assert.Equal(silo.Thumbprint, ClusterCredentials.Load(byThumbprint, TlsPeer.Silo).Certificate.Thumbprint);
            var bySubject = new TlsSettings { Enabled = true, StoreName = "my", Subject = name, CaPath = ca };
            Assert.Equal(silo.Thumbprint, ClusterCredentials.Load(bySubject, TlsPeer.Silo).Certificate.Thumbprint);
            var missing = bySubject with { Subject = name + "-missing" };
            Assert.Contains("no currently valid certificate", Assert.Throws<InvalidOperationException>(() => ClusterCredentials.Load(missing, TlsPeer.Silo)).Message);
        }
        finally
        {
            store.Remove(persisted);
        }
    }

    [Fact]
    public void A_certificate_its_own_ca_would_not_accept_stops_the_process_at_start()
    {
        var otherCa = TestCertificates.CreateCa("other");
        var foreign = Assert.Throws<InvalidOperationException>(() => ClusterCredentials.Load(_files.Settings(TestCertificates.Silo(otherCa), Ca), TlsPeer.Silo));
        Assert.Contains("does not chain to the CA", foreign.Message);

        var clientAsSilo = Assert.Throws<InvalidOperationException>(() => ClusterCredentials.Load(_files.Settings(TestCertificates.Client(Ca), Ca), TlsPeer.Silo));
        Assert.Contains("not valid for server authentication", clientAsSilo.Message);
    }

    [Fact]
    public void Missing_files_are_named_by_their_key()
    {
        var settings = _files.Settings(TestCertificates.Silo(Ca), Ca);
        Assert.Contains("Cluster:Tls:CertificatePath", Assert.Throws<InvalidOperationException>(() =>
            ClusterCredentials.Load(settings with { CertificatePath = "/nonexistent/silo.pem" }, TlsPeer.Silo)).Message);
        Assert.Contains("Cluster:Tls:KeyPath", Assert.Throws<InvalidOperationException>(() =>
            ClusterCredentials.Load(settings with { KeyPath = "/nonexistent/silo.key" }, TlsPeer.Silo)).Message);
        Assert.Contains("Cluster:Tls:CaPath", Assert.Throws<InvalidOperationException>(() =>
            ClusterCredentials.Load(settings with { CaPath = "/nonexistent/ca.pem" }, TlsPeer.Silo)).Message);
    }

    [Theory]
    [InlineData("", "", "", "neither")]
    [InlineData("/tls/silo.pem", "My", "", "both")]
    [InlineData("", "My", "", "exactly one of Cluster:Tls:Subject and Cluster:Tls:Thumbprint")]
    [InlineData("", "Mine", "silo", "is not a store name")]
    public void Inconsistent_tls_keys_are_rejected_with_the_keys_named(string certificatePath, string storeName, string subject, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloSettings.FromConfiguration(Config(
            ("Cluster:Tls:Enabled", "true"), ("Cluster:Tls:CertificatePath", certificatePath), ("Cluster:Tls:StoreName", storeName),
            ("Cluster:Tls:Subject", subject), ("Cluster:Tls:CaPath", "/tls/ca.pem"))));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Tls_is_off_by_default_and_needs_a_ca_when_on()
    {
        Assert.False(SiloSettings.FromConfiguration(Config()).Tls.Enabled);
        var error = Assert.Throws<InvalidOperationException>(() => SiloSettings.FromConfiguration(Config(
            ("Cluster:Tls:Enabled", "true"), ("Cluster:Tls:CertificatePath", "/tls/silo.pem"))));
        Assert.Contains("Cluster:Tls:CaPath", error.Message);
        var bound = SiloSettings.FromConfiguration(Config(
            ("Cluster:Tls:Enabled", "true"), ("Cluster:Tls:CertificatePath", "/tls/silo.pem"), ("Cluster:Tls:KeyPath", "/tls/silo.key"), ("Cluster:Tls:CaPath", "/tls/ca.pem")));
        Assert.Equal("/tls/silo.key", bound.Tls.KeyPath);
    }

    [Fact]
    public void Settings_print_without_their_secrets()
    {
        var configuration = Config(
            ("Cluster:Clustering", "redis"), ("Cluster:RedisConnectionString", "redis:6379,password=redis-secret,ssl=false"),
            ("Cluster:Tls:Enabled", "true"), ("Cluster:Tls:CertificatePath", "/tls/silo.pfx"), ("Cluster:Tls:Password", Password), ("Cluster:Tls:CaPath", "/tls/ca.pem"),
            ("Storage:ConnectionString", MusicClustering.Storage.AzuriteDefaults.ConnectionString()));
        var text = $"{SiloSettings.FromConfiguration(configuration)} {StorageSettings.FromConfiguration(configuration)}";
        Assert.DoesNotContain("redis-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(MusicClustering.Storage.AzuriteDefaults.AccountKey, text, StringComparison.Ordinal);
        Assert.Contains("redis:6379,password=***,ssl=false", text, StringComparison.Ordinal);
        Assert.Contains("CertificatePath = /tls/silo.pfx", text, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
