using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MusicClustering.Storage;

/// <summary>Registers the storage layer in a host.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ArtifactStore"/> as a singleton built from <paramref name="options"/>.</summary>
    public static IServiceCollection AddArtifactStore(this IServiceCollection services, ArtifactStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services.AddSingleton(provider => new ArtifactStore(options, provider.GetService<ILogger<ArtifactStore>>()));
    }
}
