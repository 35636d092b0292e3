namespace MusicClustering.Grains.Ownership;

/// <summary>
/// How often the owner of a long-running job (an experiment, a training run) proves it is alive by rewriting its claim
/// blob, and how long a claim may stay unchanged before another activation takes the job over. A takeover is
/// immediate when membership has declared the owner's silo dead; the lapse covers the cases membership cannot see,
/// such as a second activation of the same grain after a directory partition was lost.
/// </summary>
public sealed record OwnershipSettings(TimeSpan Heartbeat, TimeSpan Lapse)
{
    public static OwnershipSettings Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

    public void Validate()
    {
        if (Heartbeat <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("The ownership heartbeat must be positive.");
        }

        // A few missed heartbeats (a GC pause, a storage retry) must not look like death.
        if (Lapse < 3 * Heartbeat)
        {
            throw new InvalidOperationException($"The ownership lapse ({Lapse}) must be at least three heartbeats ({3 * Heartbeat}).");
        }
    }
}
