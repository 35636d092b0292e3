using System.Net;
using MusicClustering.Grains.Placement;

namespace MusicClustering.Integration.Tests.Training;

public sealed class PreferGpuSiloPlacementFilterDirectorTests
{
    private static readonly SiloAddress A = Silo(11111);
    private static readonly SiloAddress B = Silo(11112);
    private static readonly SiloAddress C = Silo(11113);

    [Fact]
    public void Only_gpu_silos_remain_when_some_advertise_a_gpu()
    {
        var metadata = Metadata((A, "cpu"), (B, "gpu"), (C, "GPU"));

        var chosen = PreferGpuSiloPlacementFilterDirector.Select([A, B, C], metadata);

        Assert.Equal([B, C], chosen);
    }

    [Fact]
    public void Every_silo_remains_when_none_advertises_a_gpu()
    {
        var metadata = Metadata((A, "cpu"), (B, null), (C, "cpu"));

        var chosen = PreferGpuSiloPlacementFilterDirector.Select([A, B, C], metadata);

        Assert.Equal([A, B, C], chosen);
    }

    [Fact]
    public void No_candidates_give_no_candidates()
    {
        Assert.Empty(PreferGpuSiloPlacementFilterDirector.Select([], Metadata()));
    }

    private static SiloAddress Silo(int port) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1);

    private static Func<SiloAddress, IReadOnlyDictionary<string, string>> Metadata(params (SiloAddress Silo, string? Accelerator)[] silos) =>
        silo => silos.Where(s => s.Silo.Equals(silo) && s.Accelerator is not null)
            .ToDictionary(_ => GpuSiloMetadata.AcceleratorKey, s => s.Accelerator!);
}
