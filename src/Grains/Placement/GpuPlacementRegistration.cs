using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;

namespace MusicClustering.Grains.Placement;

public static class GpuPlacementRegistration
{
    /// <summary>Registers the filter behind <see cref="PreferGpuSiloPlacementFilterAttribute"/>; every silo needs it.</summary>
    public static IServiceCollection AddPreferGpuSiloPlacementFilter(this IServiceCollection services) =>
        services.AddPlacementFilter<PreferGpuSiloPlacementFilterStrategy, PreferGpuSiloPlacementFilterDirector>(ServiceLifetime.Transient);
}
