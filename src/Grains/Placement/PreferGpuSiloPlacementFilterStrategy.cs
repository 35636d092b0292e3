using Orleans.Placement;

namespace MusicClustering.Grains.Placement;

/// <summary>
/// Marker strategy for <see cref="PreferGpuSiloPlacementFilterDirector"/>. Unlike Orleans' metadata-match filters,
/// which compare candidates with the calling silo, this one looks only at the candidates' own metadata.
/// </summary>
public sealed class PreferGpuSiloPlacementFilterStrategy(int order) : PlacementFilterStrategy(order)
{
    // Orleans creates filter strategies from DI by key and then initialises them from the grain's properties.
    public PreferGpuSiloPlacementFilterStrategy()
        : this(0)
    {
    }
}
