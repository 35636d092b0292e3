namespace MusicClustering.Learning;

/// <summary>Which torch device a run should ask for on this machine.</summary>
public static class TorchDevices
{
    /// <summary>"cuda" when <paramref name="allowCuda"/> and TorchSharp's CUDA backend is loaded and sees a GPU; else "cpu".</summary>
    public static string Preferred(bool allowCuda)
    {
        if (!allowCuda)
        {
            return "cpu";
        }

        // The CPU build of libtorch answers false here, so a GPU silo built without -p:TorchBackend=cuda trains on the CPU.
        TorchNativeLoader.EnsureLoaded();
        return TorchSharp.torch.cuda.is_available() ? "cuda" : "cpu";
    }
}
