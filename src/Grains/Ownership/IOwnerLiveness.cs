namespace MusicClustering.Grains.Ownership;

/// <summary>What cluster membership says about the silo named in a claim (<see cref="SiloLiveness"/>; fakes in tests).</summary>
public interface IOwnerLiveness
{
    /// <summary>This silo, as written into claims.</summary>
    string Self { get; }

    /// <summary>True only when the owner's silo is known to be gone, so its claims can be taken over at once.</summary>
    bool IsDead(string? owner);

    /// <summary>True when the owner's silo is known to be active: a claim it holds is being worked on.</summary>
    bool IsActive(string? owner);
}
