using MusicClustering.Storage;

namespace MusicClustering.Grains.Ownership;

/// <summary>The one rule for when a job's claim may be taken from its owner, shared by every claimed job.</summary>
internal static class Takeover
{
    /// <summary>Why the claim may be taken over now, or null while the owner is alive and must be followed.</summary>
    public static string? Reason(string? owner, string ownerName, ClaimObservation observed, IOwnerLiveness liveness) =>
        string.IsNullOrEmpty(owner) ? "its owner released it"
        : liveness.IsDead(owner) ? $"its silo {ownerName} is dead"
        : observed.Lapsed ? $"its owner {ownerName} has been silent for {observed.Unchanged.TotalSeconds:F0} s"
        : null;
}
