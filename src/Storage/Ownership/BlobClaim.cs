using MusicClustering.Contracts;

namespace MusicClustering.Storage;

/// <summary>
/// Exclusive ownership of a unit of work, held as the newest write to one blob. Every write is conditional on the
/// ETag of the holder's previous write (If-Match), so the chain of writes is the claim: another process takes the work
/// over by writing against the ETag it last saw, and from then on the old holder's writes fail. That fences a holder
/// that lost the claim (a presumed-dead silo that was only slow) without any clock agreement between processes.
/// Holders write at least every heartbeat; <see cref="ClaimObserver"/> is the other side, deciding when a claim lapsed.
/// </summary>
public sealed class BlobClaim
{
    private readonly IClaimStore _store;
    private readonly SemaphoreSlim _writes = new(1, 1);
    private string _etag;

    private BlobClaim(IClaimStore store, BlobRef blob, string etag)
    {
        _store = store;
        Blob = blob;
        _etag = etag;
    }

    public BlobRef Blob { get; }

    /// <summary>The ETag of the holder's newest write.</summary>
    public string ETag => Volatile.Read(ref _etag);

    /// <summary>True once a write found that someone else had written since: the work belongs to them now.</summary>
    public bool IsLost { get; private set; }

    /// <summary>Claims work nobody has claimed: creates the blob. Null when it already exists.</summary>
    public static async Task<BlobClaim?> TryCreateAsync(IClaimStore store, BlobRef blob, BinaryData content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var etag = await store.TryCreateAsync(blob, content, cancellationToken);
        return etag is null ? null : new BlobClaim(store, blob, etag);
    }

    /// <summary>
    /// Takes the work over from a holder presumed gone: replaces the blob as last seen at <paramref name="observedETag"/>.
    /// Null when anyone wrote since, the holder (still alive) or a rival taking over at the same moment.
    /// </summary>
    public static async Task<BlobClaim?> TryTakeOverAsync(
        IClaimStore store, BlobRef blob, string observedETag, BinaryData content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var etag = await store.TryReplaceAsync(blob, content, observedETag, cancellationToken);
        return etag is null ? null : new BlobClaim(store, blob, etag);
    }

    /// <summary>
    /// Writes under the claim. False, and <see cref="IsLost"/> from then on, when someone else wrote since our last
    /// write. Writes are serialised, so a heartbeat and a stage change never race each other for the same ETag.
    /// Transient storage failures (after the store's retries) propagate and leave the claim as it was.
    /// </summary>
    public async Task<bool> TryWriteAsync(BinaryData content, CancellationToken cancellationToken = default)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            if (IsLost)
            {
                return false;
            }

            var etag = await _store.TryReplaceAsync(Blob, content, ETag, cancellationToken);
            if (etag is null)
            {
                IsLost = true;
                return false;
            }

            Volatile.Write(ref _etag, etag);
            return true;
        }
        finally
        {
            _writes.Release();
        }
    }
}
