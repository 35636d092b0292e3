using Azure;
using Azure.Storage.Blobs.Models;
using MusicClustering.Contracts;

namespace MusicClustering.Storage;

public sealed partial class ArtifactStore
{
    /// <summary>
    /// Exactly <paramref name="length"/> bytes of the blob from <paramref name="offset"/> (one ranged GET), e.g. one
    /// crop of a stored log-mel; throws <see cref="ArtifactNotFoundException"/> when it is missing and
    /// <see cref="InvalidDataException"/> when the blob ends before the range does.
    /// </summary>
    public async Task<byte[]> ReadRangeAsync(BlobRef blob, long offset, int length, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var client = Blob(blob.Container, blob.Name);
        var options = new BlobDownloadOptions { Range = new HttpRange(offset, length) };
        try
        {
            var response = await RunAsync("DownloadRange", token => client.DownloadContentAsync(options, token), cancellationToken);
            var bytes = response.Value.Content.ToArray();
            return bytes.Length == length
                ? bytes
                : throw new InvalidDataException($"{blob} holds {bytes.Length} bytes at {offset}, not the {length} asked for.");
        }
        catch (RequestFailedException e) when (IsNotFound(e))
        {
            throw new ArtifactNotFoundException(blob.Container, blob.Name);
        }
    }
}
