using Orleans.Placement;

namespace MusicClustering.Grains.Placement;

/// <summary>Places the grain on a silo that advertises a GPU, or on any silo when none does.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PreferGpuSiloPlacementFilterAttribute(int order = 0)
    : PlacementFilterAttribute(new PreferGpuSiloPlacementFilterStrategy(order));
