using MusicClustering.Contracts;

namespace MusicClustering.Storage;

/// <summary>
/// The conditional blob operations a <see cref="BlobClaim"/> is built on. <see cref="ArtifactStore"/> implements them
/// against blob storage; tests of the ownership protocol use an in-memory store.
/// </summary>
public interface IClaimStore
{
    /// <summary>The blob's content and ETag, or null when there is no blob.</summary>
    Task<(BinaryData Content, string ETag)?> TryDownloadAsync(BlobRef blob, CancellationToken cancellationToken = default);

    /// <summary>Creates the blob; returns its ETag, or null when it already exists.</summary>
    Task<string?> TryCreateAsync(BlobRef blob, BinaryData content, CancellationToken cancellationToken = default);

    /// <summary>Replaces the blob while its ETag is still <paramref name="etag"/>; returns the new ETag, or null.</summary>
    Task<string?> TryReplaceAsync(BlobRef blob, BinaryData content, string etag, CancellationToken cancellationToken = default);
}
