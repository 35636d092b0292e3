using Azure.Storage.Blobs;

namespace MusicClustering.Storage;

/// <summary>Azure SDK client options: SDK retries off (Polly is the one policy), optional pinned API version, optional private CA.</summary>
internal static class StorageClientOptions
{
    public static BlobClientOptions Create(ArtifactStoreOptions options)
    {
        var clientOptions = options.ServiceVersion is null
            ? new BlobClientOptions()
            : new BlobClientOptions(ParseServiceVersion(options.ServiceVersion));
        clientOptions.Retry.MaxRetries = 0;
        clientOptions.Retry.NetworkTimeout = options.AttemptTimeout;
        if (!string.IsNullOrWhiteSpace(options.TrustedCaPath))
        {
            clientOptions.Transport = CaTrustingTransport.Create(options.TrustedCaPath);
        }

        return clientOptions;
    }

    public static BlobClientOptions.ServiceVersion ParseServiceVersion(string text)
    {
        var candidate = text.StartsWith('V') || text.StartsWith('v') ? text : "V" + text.Replace('-', '_');
        if (Enum.TryParse<BlobClientOptions.ServiceVersion>(candidate, ignoreCase: true, out var version)
            && Enum.IsDefined(version))
        {
            return version;
        }

        throw new ArgumentException(
            $"Unknown blob service version '{text}'. Use a BlobClientOptions.ServiceVersion name such as V2025_01_05.",
            nameof(text));
    }
}
