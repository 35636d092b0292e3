using Azure.Storage.Sas;
using MusicClustering.Contracts;

namespace MusicClustering.Storage;

public sealed partial class ArtifactStore
{
    /// <summary>
    /// A URL that reads <paramref name="blob"/> for <paramref name="lifetime"/> and allows nothing else (a read-only
    /// service SAS), or null when the store cannot sign one (its connection string holds a SAS, not the account key).
    /// Signed locally: no request is made, and the blob need not exist yet.
    /// </summary>
    public Uri? ReadUrl(BlobRef blob, TimeSpan lifetime)
    {
        var client = Blob(blob.Container, blob.Name);
        return client.CanGenerateSasUri
            ? client.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(lifetime))
            : null;
    }
}
