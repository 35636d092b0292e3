using System.Runtime.InteropServices;

namespace MusicClustering.Learning;

/// <summary>
/// Keeps glibc's heap from handing torch's per-step tensors back to the kernel. Every training step frees its
/// gradients and activations (up to 0.5 MB each) and allocates them again; with glibc's defaults those frees trim the
/// heap or unmap the block, and the next step pays a page fault per 4 KB touched. Fixed thresholds (a block is
/// mapped on its own only from 4 MB; the heap's free top is returned only beyond 32 MB) keep them in the heap: with
/// the gradients dropped (<see cref="AdamOptimizer"/>), bench vae's epoch took a median of 0.080 s with them against
/// 0.091 s without (same machine, interleaved runs). Applied once, before torch allocates.
/// </summary>
internal static class NativeHeapTuning
{
    private const int TrimThresholdOption = -1; // M_TRIM_THRESHOLD
    private const int MmapThresholdOption = -3; // M_MMAP_THRESHOLD
    private const int TrimThresholdBytes = 32 << 20;
    private const int MmapThresholdBytes = 4 << 20;

    /// <summary>True where both thresholds were set (Linux with glibc); false elsewhere, where nothing changes.</summary>
    public static bool Apply()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return mallopt(MmapThresholdOption, MmapThresholdBytes) == 1 && mallopt(TrimThresholdOption, TrimThresholdBytes) == 1;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return false; // a libc without mallopt (musl): its allocator keeps its own policy
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int option, int value);
}
