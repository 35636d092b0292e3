using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs.Models;

namespace MusicClustering.Storage;

public sealed partial class ArtifactStore
{
    private const int ListPageSize = 5000; // the most one List Blobs call returns

    /// <summary>
    /// A read stream over the blob that downloads it block by block (one transfer block at a time), so a long
    /// recording is never held in memory whole. Storage trouble mid-read is waited out as for any other call: the
    /// stream reopens the blob where it stopped (<see cref="ResumableReadStream"/>). Throws
    /// <see cref="ArtifactNotFoundException"/> when it is missing.
    /// </summary>
    public async Task<Stream> OpenReadAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var first = await OpenReadAtAsync(container, name, 0, cancellationToken);
        return new ResumableReadStream(first, (position, token) => OpenReadAtAsync(container, name, position, token), _options.MaxAttempts);
    }

    private async Task<Stream> OpenReadAtAsync(string container, string name, long position, CancellationToken cancellationToken)
    {
        var blob = Blob(container, name);
        var options = new BlobOpenReadOptions(allowModifications: false)
        {
            BufferSize = (int)Math.Min(_options.BlockSize, 8L << 20),
            Position = position,
        };
        try
        {
            return await RunAsync("OpenRead", token => blob.OpenReadAsync(options, token), cancellationToken);
        }
        catch (RequestFailedException e) when (IsNotFound(e))
        {
            throw new ArtifactNotFoundException(container, name);
        }
    }

    /// <summary>Downloads the whole blob; throws <see cref="ArtifactNotFoundException"/> when it is missing.</summary>
    public async Task<BinaryData> DownloadAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var result = await TryDownloadAsync(container, name, cancellationToken);
        return result?.Content ?? throw new ArtifactNotFoundException(container, name);
    }

    /// <summary>
    /// Downloads exactly <paramref name="length"/> bytes from <paramref name="offset"/> (one ranged GET, retried as a
    /// whole), e.g. a run of rows of a matrix blob or one crop of a stored log-mel; throws
    /// <see cref="ArtifactNotFoundException"/> when it is missing and <see cref="InvalidDataException"/> when the blob
    /// ends before the range does.
    /// </summary>
    public async Task<BinaryData> DownloadRangeAsync(
        string container, string name, long offset, long length, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var blob = Blob(container, name);
        var options = new BlobDownloadOptions { Range = new HttpRange(offset, length) };
        try
        {
            var response = await RunAsync("DownloadRange", token => blob.DownloadContentAsync(options, token), cancellationToken);
            var content = response.Value.Content;
            return content.ToMemory().Length == length
                ? content
                : throw new InvalidDataException($"{container}/{name} holds {content.ToMemory().Length} bytes at {offset}, not the {length} asked for.");
        }
        catch (RequestFailedException e) when (IsNotFound(e))
        {
            throw new ArtifactNotFoundException(container, name, e);
        }
    }

    /// <summary>Downloads the whole blob with its ETag (for <see cref="TryUploadIfMatchAsync"/>), or null when missing.</summary>
    public async Task<(BinaryData Content, string ETag)?> TryDownloadAsync(
        string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = Blob(container, name);
        try
        {
            var response = await RunAsync("Download", token => blob.DownloadContentAsync(token), cancellationToken);
            return (response.Value.Content, response.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>
    /// Streams the blob into <paramref name="filePath"/> through a temporary sibling file that is moved into
    /// place at the end, so the target never holds a partial download. Throws <see cref="ArtifactNotFoundException"/>.
    /// </summary>
    public async Task DownloadToFileAsync(
        string container, string name, string filePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var blob = Blob(container, name);
        var target = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = $"{target}.partial-{Guid.NewGuid():N}";
        var transfer = new StorageTransferOptions
        {
            InitialTransferSize = _options.BlockSize,
            MaximumTransferSize = _options.BlockSize,
        };
        try
        {
            await RunAsync(
                "DownloadToFile",
                token => blob.DownloadToAsync(partial, new BlobDownloadToOptions { TransferOptions = transfer }, token),
                cancellationToken);
            File.Move(partial, target, overwrite: true);
        }
        catch (RequestFailedException e) when (IsNotFound(e))
        {
            throw new ArtifactNotFoundException(container, name, e);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Blob names in <paramref name="container"/> starting with <paramref name="prefix"/>, in name order.</summary>
    public async IAsyncEnumerable<string> ListAsync(
        string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var containerClient = _service.GetBlobContainerClient(BlobContainers.Validate(container));
        var options = new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix };
        string? continuation = null;
        do
        {
            // One page per try, so a retry resumes from the last continuation token instead of the start.
            var token = continuation;
            var page = await RunAsync(
                "List",
                async ct =>
                {
                    await foreach (var first in containerClient.GetBlobsAsync(options, ct).AsPages(token, ListPageSize))
                    {
                        return first;
                    }

                    return null;
                },
                cancellationToken);
            if (page is null)
            {
                yield break;
            }

            foreach (var item in page.Values)
            {
                yield return item.Name;
            }

            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));
    }
}
