namespace MusicClustering.Storage;

/// <summary>The Azure Storage emulator's well-known development account (public, documented by Microsoft).</summary>
public static class AzuriteDefaults
{
    /// <summary>The default blob port of Azurite.</summary>
    public const int BlobPort = 10000;

    /// <summary>The emulator account name.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator account key. It is published in Azure's docs and protects nothing.</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>A shared-key connection string for the blob service on 127.0.0.1:<paramref name="port"/>.</summary>
    /// <param name="port">The blob port.</param>
    /// <param name="https">Whether the emulator serves HTTPS (started with a certificate).</param>
    public static string ConnectionString(int port = BlobPort, bool https = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var scheme = https ? "https" : "http";
        return $"DefaultEndpointsProtocol={scheme};AccountName={AccountName};AccountKey={AccountKey};"
            + $"BlobEndpoint={scheme}://127.0.0.1:{port}/{AccountName};";
    }
}
