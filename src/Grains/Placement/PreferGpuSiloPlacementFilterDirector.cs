using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace MusicClustering.Grains.Placement;

/// <summary>Narrows placement candidates to GPU silos when the cluster has any, and leaves them alone otherwise.</summary>
public sealed class PreferGpuSiloPlacementFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos) =>
        Select(silos.ToList(), silo => metadata.GetSiloMetadata(silo).Metadata);

    /// <summary>The candidates whose metadata says gpu; all of them when none does (so the grain still runs, on a CPU).</summary>
    public static IReadOnlyList<SiloAddress> Select(
        IReadOnlyList<SiloAddress> candidates, Func<SiloAddress, IReadOnlyDictionary<string, string>> metadataOf)
    {
        var gpu = candidates.Where(silo => HasGpu(metadataOf(silo))).ToList();
        return gpu.Count > 0 ? gpu : candidates;
    }

    private static bool HasGpu(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(GpuSiloMetadata.AcceleratorKey, out var value)
        && string.Equals(value, GpuSiloMetadata.Gpu, StringComparison.OrdinalIgnoreCase);
}
