namespace MusicClustering.Grains.Ownership;

/// <summary>What cluster membership says about the silo named in a claim.</summary>
public sealed class SiloLiveness(IClusterMembershipService membership, ILocalSiloDetails local) : IOwnerLiveness
{
    public string Self => local.SiloAddress.ToParsableString();

    /// <summary>
    /// True only when membership lists the silo as dead, or lists a newer generation on its endpoint (it restarted):
    /// its activations are gone, so its claims can be taken over at once. A silo membership does not list at all is
    /// not presumed dead (Orleans' own lookup would say so): it may have joined after this silo's last snapshot, so
    /// its claims wait for the heartbeat lapse instead.
    /// </summary>
    public bool IsDead(string? owner)
    {
        if (Parse(owner) is not { } address)
        {
            return false;
        }

        var members = membership.CurrentSnapshot.Members;
        return members.TryGetValue(address, out var member)
            ? member.Status == SiloStatus.Dead
            : members.Keys.Any(other => other.IsSuccessorOf(address));
    }

    /// <summary>True when membership lists the silo as active: a claim it holds is being worked on.</summary>
    public bool IsActive(string? owner) =>
        Parse(owner) is { } address
        && membership.CurrentSnapshot.Members.TryGetValue(address, out var member)
        && member.Status == SiloStatus.Active;

    /// <summary>The silo's readable name for messages: its endpoint.</summary>
    public static string Describe(string? owner) => Parse(owner)?.Endpoint.ToString() ?? owner ?? "unknown";

    private static SiloAddress? Parse(string? owner)
    {
        if (string.IsNullOrWhiteSpace(owner))
        {
            return null;
        }

        try
        {
            return SiloAddress.FromParsableString(owner);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
