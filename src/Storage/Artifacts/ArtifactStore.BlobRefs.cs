using MusicClustering.Contracts;

namespace MusicClustering.Storage;

/// <summary>The store's operations addressed by <see cref="BlobRef"/>, the one name of a blob everywhere else.</summary>
public sealed partial class ArtifactStore : IClaimStore
{
    public Task<bool> ExistsAsync(BlobRef blob, CancellationToken cancellationToken = default) =>
        ExistsAsync(blob.Container, blob.Name, cancellationToken);

    public Task<BinaryData> DownloadAsync(BlobRef blob, CancellationToken cancellationToken = default) =>
        DownloadAsync(blob.Container, blob.Name, cancellationToken);

    public Task<(BinaryData Content, string ETag)?> TryDownloadAsync(BlobRef blob, CancellationToken cancellationToken = default) =>
        TryDownloadAsync(blob.Container, blob.Name, cancellationToken);

    public Task<BinaryData> DownloadRangeAsync(BlobRef blob, long offset, long length, CancellationToken cancellationToken = default) =>
        DownloadRangeAsync(blob.Container, blob.Name, offset, length, cancellationToken);

    public Task<string> UploadFileAsync(BlobRef blob, string filePath, bool overwrite, CancellationToken cancellationToken = default) =>
        UploadFileAsync(blob.Container, blob.Name, filePath, overwrite, cancellationToken);

    public Task DownloadToFileAsync(BlobRef blob, string filePath, CancellationToken cancellationToken = default) =>
        DownloadToFileAsync(blob.Container, blob.Name, filePath, cancellationToken);

    public Task<string> UploadAsync(BlobRef blob, BinaryData content, bool overwrite, CancellationToken cancellationToken = default) =>
        UploadAsync(blob.Container, blob.Name, content, overwrite, cancellationToken);

    public Task<bool> UploadIfAbsentAsync(BlobRef blob, BinaryData content, CancellationToken cancellationToken = default) =>
        UploadIfAbsentAsync(blob.Container, blob.Name, content, cancellationToken);

    public Task<string?> TryCreateAsync(BlobRef blob, BinaryData content, CancellationToken cancellationToken = default) =>
        TryCreateAsync(blob.Container, blob.Name, content, cancellationToken);

    public Task<string?> TryReplaceAsync(BlobRef blob, BinaryData content, string etag, CancellationToken cancellationToken = default) =>
        TryReplaceAsync(blob.Container, blob.Name, content, etag, cancellationToken);

    public Task<bool> DeleteIfExistsAsync(BlobRef blob, CancellationToken cancellationToken = default) =>
        DeleteIfExistsAsync(blob.Container, blob.Name, cancellationToken);

    public Task<string> WriteMatrixAsync(BlobRef blob, float[] data, int rows, int cols, CancellationToken cancellationToken = default) =>
        WriteMatrixAsync(blob.Container, blob.Name, data, rows, cols, cancellationToken);

    public Task<(float[] Data, int Rows, int Cols)> ReadMatrixAsync(BlobRef blob, CancellationToken cancellationToken = default) =>
        ReadMatrixAsync(blob.Container, blob.Name, cancellationToken);

    public Task<string> WriteJsonAsync<T>(BlobRef blob, T value, CancellationToken cancellationToken = default) =>
        WriteJsonAsync(blob.Container, blob.Name, value, cancellationToken);

    public Task<T> ReadJsonAsync<T>(BlobRef blob, CancellationToken cancellationToken = default) =>
        ReadJsonAsync<T>(blob.Container, blob.Name, cancellationToken);

    public Task<(T Value, string ETag)?> TryReadJsonAsync<T>(BlobRef blob, CancellationToken cancellationToken = default) =>
        TryReadJsonAsync<T>(blob.Container, blob.Name, cancellationToken);
}
