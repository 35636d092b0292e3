using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace MusicClustering.Audio;

/// <summary>
/// a·b + c as one fused instruction where the CPU has one (x64 FMA3, Arm), else as two (no slow emulation). The
/// checks are JIT-time constants, also in methods compiled with AggressiveOptimization (a static field would not be).
/// </summary>
internal static class Fused
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> MulAdd(Vector<float> a, Vector<float> b, Vector<float> c) =>
        Fma.IsSupported || AdvSimd.IsSupported ? Vector.FusedMultiplyAdd(a, b, c) : (a * b) + c;

    /// <summary>c − a·b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> NegMulAdd(Vector<float> a, Vector<float> b, Vector<float> c)
    {
        // The JIT does not fold the negation into Vector.FusedMultiplyAdd (it emits an xor per call): ask for vfnmadd.
        if (Fma.IsSupported && Vector<float>.Count == 8)
        {
            return Fma.MultiplyAddNegated(a.AsVector256(), b.AsVector256(), c.AsVector256()).AsVector();
        }

        return Fma.IsSupported || AdvSimd.IsSupported ? Vector.FusedMultiplyAdd(-a, b, c) : c - (a * b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> MulAdd(Vector<double> a, Vector<double> b, Vector<double> c) =>
        Fma.IsSupported || AdvSimd.IsSupported ? Vector.FusedMultiplyAdd(a, b, c) : (a * b) + c;
}
