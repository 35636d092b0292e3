using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Ownership;

/// <summary>Blob storage's conditional writes in memory, with an outage switch: what the ownership protocol relies on.</summary>
internal sealed class InMemoryClaimStore : IClaimStore
{
    private readonly Dictionary<BlobRef, (BinaryData Content, string ETag)> _blobs = [];
    private int _version;

    /// <summary>While true every call fails as a storage outage does once the store's retries are spent.</summary>
    public bool Down { get; set; }

    public int Writes { get; private set; }

    public BinaryData? Read(BlobRef blob) => _blobs.TryGetValue(blob, out var found) ? found.Content : null;

    public Task<(BinaryData Content, string ETag)?> TryDownloadAsync(BlobRef blob, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return Task.FromResult<(BinaryData, string)?>(_blobs.TryGetValue(blob, out var found) ? found : null);
    }

    public Task<string?> TryCreateAsync(BlobRef blob, BinaryData content, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return Task.FromResult(_blobs.ContainsKey(blob) ? null : Put(blob, content));
    }

    public Task<string?> TryReplaceAsync(BlobRef blob, BinaryData content, string etag, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return Task.FromResult(_blobs.TryGetValue(blob, out var found) && found.ETag == etag ? Put(blob, content) : null);
    }

    private string? Put(BlobRef blob, BinaryData content)
    {
        var etag = $"\"{++_version}\"";
        _blobs[blob] = (content, etag);
        Writes++;
        return etag;
    }

    private void ThrowIfDown()
    {
        if (Down)
        {
            throw new IOException("storage is down");
        }
    }
}
