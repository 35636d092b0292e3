using TorchSharp.Modules;

namespace MusicClustering.Learning;

/// <summary>Adam moments and step counts to and from bytes, so a resumed run continues the same optimisation.</summary>
internal static class OptimizerState
{
    public static byte[] Save(OptimizerHelper optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            optimizer.save_state_dict(writer);
        }

        return stream.ToArray();
    }

    public static void Load(OptimizerHelper optimizer, byte[] state)
    {
        using var reader = new BinaryReader(new MemoryStream(state, writable: false));
        optimizer.load_state_dict(reader);
    }
}
