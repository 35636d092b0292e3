using System.Runtime.InteropServices;

namespace MusicClustering.Learning;

/// <summary>
/// Flush-to-zero and denormals-are-zero on the calling thread for the scope's lifetime, through libtorch's own
/// <c>at::globalContext().setFlushDenormal</c> (what <c>torch.set_flush_denormal</c> calls). Training loops run
/// their CPU kernels on their own thread (one torch thread) and otherwise lose much time to subnormal activations and
/// gradients. The setting is per thread, so it is switched off again when the scope ends. Where libtorch lacks the
/// entry points, the scope does nothing: results stay deterministic either way, only slower.
/// </summary>
internal sealed class DenormalFlush : IDisposable
{
    private static readonly Lazy<GlobalContext?> ContextGetter = new(() =>
        Export("_ZN2at13globalContextEv") is { } address ? Marshal.GetDelegateForFunctionPointer<GlobalContext>(address) : null);

    private static readonly Lazy<SetFlushDenormal?> Setter = new(Bind);

    private readonly bool _enabled;

    private DenormalFlush(bool enabled) => _enabled = enabled;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GlobalContext();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate byte SetFlushDenormal(IntPtr context, byte on);

    /// <summary>Turns flushing on for this thread when the device is the CPU; a no-op scope otherwise.</summary>
    public static DenormalFlush OnThisThread(bool cpu) =>
        new(cpu && Setter.Value is { } set && set(Context(), 1) != 0);

    public void Dispose()
    {
        if (_enabled)
        {
            Setter.Value!(Context(), 0);
        }
    }

    private static IntPtr Context() => ContextGetter.Value!();

    private static SetFlushDenormal? Bind()
    {
        TorchNativeLoader.EnsureLoaded();
        return ContextGetter.Value is not null && Export("_ZN2at7Context16setFlushDenormalEb") is { } address
            ? Marshal.GetDelegateForFunctionPointer<SetFlushDenormal>(address)
            : null;
    }

    private static IntPtr? Export(string symbol) =>
        NativeLibrary.TryLoad("libtorch_cpu.so", out var library) && NativeLibrary.TryGetExport(library, symbol, out var address)
            ? address
            : null;
}
