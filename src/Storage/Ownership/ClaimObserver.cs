using System.Diagnostics;
using MusicClustering.Contracts;

namespace MusicClustering.Storage;

/// <summary>
/// Watches a <see cref="BlobClaim"/> from outside. A claim has lapsed when its blob kept the same ETag across
/// successful reads spanning at least the lapse time, measured on this process's own monotonic clock, so clock skew
/// between machines cannot make a live holder look dead. A failed read restarts the measurement: during a storage
/// outage the holder cannot heartbeat either, and that silence proves nothing.
/// </summary>
public sealed class ClaimObserver(IClaimStore store, BlobRef blob, TimeSpan lapse)
{
    private string? _etag;
    private long _unchangedSince;

    public TimeSpan Lapse => lapse;

    /// <summary>The blob as it is now and whether its holder has lapsed, or null when there is no blob.</summary>
    public async Task<ClaimObservation?> ObserveAsync(CancellationToken cancellationToken = default)
    {
        (BinaryData Content, string ETag)? found;
        try
        {
            found = await store.TryDownloadAsync(blob, cancellationToken);
        }
        catch
        {
            _etag = null;
            throw;
        }

        var now = Stopwatch.GetTimestamp();
        if (found is not { } current)
        {
            _etag = null;
            return null;
        }

        if (current.ETag != _etag)
        {
            _etag = current.ETag;
            _unchangedSince = now;
        }

        var unchanged = Stopwatch.GetElapsedTime(_unchangedSince, now);
        return new ClaimObservation(current.Content, current.ETag, unchanged >= lapse, unchanged);
    }
}

/// <summary>One read of a claimed blob: its content and ETag, and whether the holder has been silent past the lapse time.</summary>
public sealed record ClaimObservation(BinaryData Content, string ETag, bool Lapsed, TimeSpan Unchanged);
