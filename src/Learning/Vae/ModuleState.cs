using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>Module weights to and from bytes via TorchSharp's own stream format.</summary>
internal static class ModuleState
{
    public static byte[] Save(nn.Module module)
    {
        using var stream = new MemoryStream();
        module.save(stream);
        return stream.ToArray();
    }

    public static void Load(nn.Module module, byte[] state)
    {
        using var stream = new MemoryStream(state, writable: false);
        module.load(stream);
    }
}
