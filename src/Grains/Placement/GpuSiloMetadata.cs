namespace MusicClustering.Grains.Placement;

/// <summary>The silo metadata that says whether a silo has a GPU (set by the silo host from <c>Cluster:HasGpu</c>).</summary>
public static class GpuSiloMetadata
{
    public const string AcceleratorKey = "hardware.accelerator";

    public const string Gpu = "gpu";

    public const string Cpu = "cpu";

    public static string ValueFor(bool hasGpu) => hasGpu ? Gpu : Cpu;
}
