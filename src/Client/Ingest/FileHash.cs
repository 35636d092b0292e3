using System.Buffers;
using System.Security.Cryptography;

namespace MusicClustering.Client.Ingest;

/// <summary>
/// The SHA-256 of a file read through one pooled buffer. Hashing a library in place reads every file once; reading
/// each whole into a new array put a 1.3 MB array per 30 s clip on the large object heap, and the gen-2 collections it
/// caused slowed the silos extracting beside the ingest.
/// </summary>
internal static class FileHash
{
    private const int BufferBytes = 1 << 18;

    /// <summary>The lower-case hex SHA-256 of the file's content, and its length in bytes.</summary>
    public static async Task<(string Sha256, long Bytes)> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            long offset = 0;
            int read;
            while ((read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, BufferBytes), offset, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                offset += read;
            }

            return (Convert.ToHexStringLower(hash.GetHashAndReset()), offset);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
