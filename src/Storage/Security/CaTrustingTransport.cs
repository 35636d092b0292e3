using Azure.Core.Pipeline;

namespace MusicClustering.Storage;

/// <summary>The Azure SDK's HTTP transport, trusting a private CA for the blob endpoint's certificate (e.g. Azurite over HTTPS).</summary>
internal static class CaTrustingTransport
{
    public static HttpClientTransport Create(string caPath)
    {
        var authority = TrustedCertificateAuthority.Load(caPath);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            authority.AcceptsHttpsServer(certificate, chain, errors);
        return new HttpClientTransport(handler);
    }
}
