using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MusicClustering.Grains;
using MusicClustering.Grains.Features;
using MusicClustering.Grains.Messaging;
using MusicClustering.Grains.Ownership;
using MusicClustering.Grains.Placement;
using MusicClustering.Grains.Training;
using MusicClustering.Storage;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace MusicClustering.Silo;

/// <summary>The one place a silo is configured, shared by the silo process, the embedded client and the tests.</summary>
public static class SiloHosting
{
    public const string AcceleratorMetadataKey = GpuSiloMetadata.AcceleratorKey;

    /// <summary>Our grains' services and the silo metadata; clustering is left to the caller.</summary>
    public static ISiloBuilder UseMusicClustering(this ISiloBuilder silo, SiloSettings settings, StorageSettings storage)
    {
        silo.UseSiloMetadata(new Dictionary<string, string>
        {
            [AcceleratorMetadataKey] = GpuSiloMetadata.ValueFor(settings.HasGpu),
        });
        silo.ConfigureServices(services => services.AddMusicClusteringServices(settings, storage).AddPreferGpuSiloPlacementFilter());
        if (MessageSizeMeasurement.IsEnabled(silo.Configuration))
        {
            silo.AddMessageSizeMeasurement();
        }

        return silo;
    }

    public static IServiceCollection AddMusicClusteringServices(
        this IServiceCollection services, SiloSettings settings, StorageSettings storage)
    {
        // With the host's logger, so storage retries (an outage being ridden out) show in the silo log.
        services.AddSingleton(sp => new ArtifactStore(storage.ToStoreOptions(), sp.GetService<ILogger<ArtifactStore>>()));
        services.AddSingleton(new LibraryRoots(storage.LibraryRoots));
        services.AddSingleton<AudioSource>();
        services.AddSingleton(new ComputeSettings(
            settings.MaxConcurrentExtractions > 0 ? settings.MaxConcurrentExtractions : Environment.ProcessorCount,
            settings.TorchThreads,
            settings.HasGpu));
        services.AddSingleton<ExtractionThrottle>();
        services.AddSingleton<FeatureShardWriter>();
        services.AddSingleton<OnnxEmbeddings>();
        services.AddSingleton(settings.Ownership());
        services.AddSingleton<IClaimStore>(sp => sp.GetRequiredService<ArtifactStore>());
        services.AddSingleton<IOwnerLiveness, SiloLiveness>();
        services.AddSingleton<JobOwnership>();
        if (settings.WarmUpTraining)
        {
            services.AddHostedService<TorchWarmUpService>();
        }

        return services;
    }

    /// <summary>Localhost (development) or Redis membership, from settings.</summary>
    public static ISiloBuilder UseConfiguredClustering(this ISiloBuilder silo, SiloSettings settings)
    {
        if (settings.Clustering.Equals(ClusteringModes.Redis, StringComparison.OrdinalIgnoreCase))
        {
            silo.UseRedisClustering(settings.RedisConnectionString!);
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.ConfigureEndpoints(
                IPAddress.Parse(settings.AdvertisedAddress), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
        }
        else
        {
            var self = new IPEndPoint(IPAddress.Loopback, settings.SiloPort);
            silo.UseLocalhostClustering(
                settings.SiloPort,
                settings.GatewayPort,
                settings.ParsePrimarySiloEndpoint() ?? self,
                settings.ServiceId,
                settings.ClusterId);
        }

        if (!string.IsNullOrWhiteSpace(settings.SiloName))
        {
            silo.Configure<SiloOptions>(o => o.SiloName = settings.SiloName);
        }

        return silo;
    }
}
