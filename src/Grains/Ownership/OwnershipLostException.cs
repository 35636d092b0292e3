namespace MusicClustering.Grains.Ownership;

/// <summary>Another activation took over a job this activation was running; this one must stop without writing more.</summary>
public sealed class OwnershipLostException(string job) : Exception($"{job} was taken over by another activation");
