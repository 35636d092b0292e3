using Microsoft.Extensions.DependencyInjection;
using MusicClustering.Silo;
using MusicClustering.Storage;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;

namespace MusicClustering.Integration.Tests.Training;

/// <summary>
/// Two silos against a real Azurite where only the second advertises a GPU (<c>hardware.accelerator=gpu</c>).
/// Placement filters are honoured: the test cluster's "assume homogeneous silos" shortcut, which skips them, is off.
/// </summary>
public sealed class GpuClusterFixture : IAsyncLifetime
{
    public const string GpuSiloName = "Silo_1";

    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(60);

    private ClusterHarness? _harness;

    public InProcessTestCluster Cluster => (_harness ?? throw new InvalidOperationException("cluster not started")).Cluster;
    public IClusterClient Client => Cluster.Client;
    public ArtifactStore Store => _harness!.Store;

    public InProcessSiloHandle GpuSilo => Cluster.Silos.Single(s => s.Name == GpuSiloName);

    public async Task InitializeAsync()
    {
        _harness = await ClusterHarness.StartAsync(2, (builder, storage) =>
        {
            builder.Options.AssumeHomogenousSilosForTesting = false;
            builder.ConfigureSilo((options, silo) =>
            {
                var settings = ClusterHarness.TestSiloSettings with { MaxConcurrentExtractions = 1, HasGpu = options.SiloName == GpuSiloName };
                silo.UseMusicClustering(settings, storage);
                silo.Configure<SiloMessagingOptions>(o => o.AssumeHomogenousSilosForTesting = false);
            });
        });
        await Cluster.WaitForClusterManifestToStabilizeAsync();
        await WaitForGpuMetadataAsync();
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    /// <summary>Silos learn each other's metadata after joining; until then the filter would see no GPU anywhere.</summary>
    private async Task WaitForGpuMetadataAsync()
    {
        using var deadline = new CancellationTokenSource(StartupDeadline);
        var gpu = GpuSilo.SiloAddress;
        while (!Cluster.Silos.All(s => s.ServiceProvider.GetRequiredService<ISiloMetadataCache>().GetSiloMetadata(gpu).Metadata
                   .TryGetValue(SiloHosting.AcceleratorMetadataKey, out var value) && value == "gpu"))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GpuClusterCollection : ICollectionFixture<GpuClusterFixture>
{
    public const string Name = "gpu-cluster";
}
