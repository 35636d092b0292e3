using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MusicClustering.Silo.Security;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Security;

public sealed class TrustedCertificateAuthorityTests
{
    private static readonly X509Certificate2 Ca = TestCertificates.CreateCa("cluster-ca");
    private static readonly X509Certificate2 OtherCa = TestCertificates.CreateCa("cluster-ca");
    private readonly TrustedCertificateAuthority _authority = TrustedCertificateAuthority.Of(Ca);

    [Fact]
    public void A_silo_certificate_from_the_ca_is_accepted_for_every_role()
    {
        var silo = TestCertificates.Silo(Ca);
        Assert.Null(_authority.Reject(silo, null, TlsPeer.Silo.RequiredUsages()));
        Assert.Null(_authority.Reject(silo, null, TlsPeer.Gateway.RequiredUsages()));
        Assert.Null(_authority.Reject(silo, null, TlsPeer.Client.RequiredUsages()));
    }

    [Fact]
    public void A_client_certificate_reaches_a_gateway_but_cannot_pass_as_a_silo()
    {
        var client = TestCertificates.Client(Ca);
        Assert.Null(_authority.Reject(client, null, TlsPeer.Client.RequiredUsages()));
        Assert.Contains("not valid for server authentication", _authority.Reject(client, null, TlsPeer.Silo.RequiredUsages()));
    }

    [Fact]
    public void A_certificate_from_another_ca_with_the_same_name_is_refused()
    {
        var reason = _authority.Reject(TestCertificates.Silo(OtherCa), null, TlsPeer.Silo.RequiredUsages());
        Assert.NotNull(reason);
        Assert.Contains("does not chain to the CA", reason);
    }

    [Fact]
    public void An_expired_certificate_is_refused()
    {
        var expired = TestCertificates.Issue(
            Ca, "silo", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1), TlsPeer.Silo.RequiredUsages());
        Assert.Contains("NotTimeValid", _authority.Reject(expired, null, TlsPeer.Silo.RequiredUsages()));
    }

    [Fact]
    public void A_certificate_without_extended_key_usages_is_refused_rather_than_valid_for_anything()
    {
        var bare = TestCertificates.Issue(Ca, "bare");
        Assert.Contains("not valid for client authentication", _authority.Reject(bare, null, TlsPeer.Client.RequiredUsages()));
    }

    [Fact]
    public void Https_servers_need_the_os_trust_or_this_ca_and_always_a_matching_name()
    {
        var server = TestCertificates.Issue(Ca, "azurite", TrustedCertificateAuthority.ServerAuthentication);
        Assert.True(_authority.AcceptsHttpsServer(server, null, SslPolicyErrors.None));
        Assert.True(_authority.AcceptsHttpsServer(server, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(_authority.AcceptsHttpsServer(server, null, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.False(_authority.AcceptsHttpsServer(
            TestCertificates.Issue(OtherCa, "azurite", TrustedCertificateAuthority.ServerAuthentication), null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(_authority.AcceptsHttpsServer(null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void A_pem_bundle_loads_every_ca_and_a_missing_or_empty_file_fails_clearly()
    {
        using var files = new TestCertificates();
        var bundle = TrustedCertificateAuthority.Load(files.WriteCa(Ca, OtherCa));
        Assert.Equal(2, bundle.Certificates.Count);
        Assert.Null(bundle.Reject(TestCertificates.Silo(OtherCa), null, TlsPeer.Silo.RequiredUsages()));

        Assert.Contains("does not exist", Assert.Throws<InvalidOperationException>(() => TrustedCertificateAuthority.Load(Path.Combine(files.Folder, "none.pem"))).Message);
        var empty = Path.Combine(files.Folder, "empty.pem");
        File.WriteAllText(empty, "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
        Assert.Throws<InvalidOperationException>(() => TrustedCertificateAuthority.Load(empty));
    }
}
