namespace MusicClustering.Grains.Ownership;

/// <summary>
/// How a job's status is stored in its claim blob, and where in it the claim lives: the status records its owner (an
/// Orleans silo address; null once released) and how many activations have owned the job.
/// </summary>
public interface IJobStatusCodec<TStatus>
{
    BinaryData Encode(TStatus status);

    TStatus Decode(BinaryData content);

    bool IsFinished(TStatus status);

    /// <summary>The owner's address (null when released), its readable name, and the claim count.</summary>
    (string? Owner, string OwnerName, int Claims) OwnerOf(TStatus status);

    TStatus WithOwner(TStatus status, string? owner, int claims);
}
