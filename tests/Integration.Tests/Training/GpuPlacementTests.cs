using MusicClustering.Contracts;

namespace MusicClustering.Integration.Tests.Training;

[Collection(GpuClusterCollection.Name)]
public sealed class GpuPlacementTests(GpuClusterFixture fixture)
{
    [Fact]
    public async Task Trainers_activate_on_the_silo_that_advertises_a_gpu()
    {
        var keys = Enumerable.Range(0, 12).Select(i => $"placement-{i}-{Guid.NewGuid():N}").ToList();

        var silos = new List<string>();
        foreach (var key in keys)
        {
            var status = await fixture.Client.GetGrain<ITrainerGrain>(key).GetStatusAsync();
            silos.Add(status.Silo);
        }

        var gpu = fixture.GpuSilo;
        Assert.All(silos, silo => Assert.Equal($"{gpu.Name}@{gpu.SiloAddress.Endpoint}", silo));
        Assert.All(keys, key =>
        {
            Assert.True(fixture.Cluster.TryGetGrainContext(fixture.Client.GetGrain<ITrainerGrain>(key).GetGrainId(), out var context));
            Assert.Equal(gpu.SiloAddress, context.Address.SiloAddress);
        });
    }
}
