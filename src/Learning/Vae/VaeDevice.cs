using static TorchSharp.torch;

namespace MusicClustering.Learning;

internal static class VaeDevice
{
    /// <summary>Maps the requested device name to a torch device, falling back to CPU when CUDA is absent.</summary>
    public static Device Resolve(string requested) =>
        requested == "cuda" && cuda.is_available() ? CUDA : CPU;
}
