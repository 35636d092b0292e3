using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MusicClustering.Audio;

/// <summary>
/// Gathers <see cref="Vector{T}.Count"/> consecutive frames (hop apart) into lane-per-frame vectors, applies the
/// window and writes them in the FFT's input order. On AVX the four frames are read as contiguous float runs and
/// transposed 4×4 in registers; the FFT takes natural order, so all stores are sequential.
/// </summary>
internal static class FrameBatchLoader
{
    /// <summary>Even samples of the frames into <paramref name="zr"/>, odd ones into <paramref name="zi"/> (power-of-two FFT input).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LoadEvenOdd(ReadOnlySpan<float> padded, int firstSample, int hop, ReadOnlySpan<double> window, Span<Vector<double>> zr, Span<Vector<double>> zi)
    {
        var nFft = window.Length;
        if (Vector<double>.Count == 4 && Avx.IsSupported && nFft % 4 == 0)
        {
            // Bounds: the last frame of the batch must lie inside the buffer.
            _ = padded.Slice(firstSample + (3 * hop), nFft);
            ref var s0 = ref Unsafe.AsRef(in padded[firstSample]);
            ref var s1 = ref Unsafe.Add(ref s0, hop);
            ref var s2 = ref Unsafe.Add(ref s1, hop);
            ref var s3 = ref Unsafe.Add(ref s2, hop);
            ref var zrRef = ref zr[0];
            ref var ziRef = ref zi[0];
            for (var n = 0; n < nFft; n += 4)
            {
                var a = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref s0, (nuint)n));
                var b = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref s1, (nuint)n));
                var c = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref s2, (nuint)n));
                var d = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref s3, (nuint)n));
                var ab0 = Avx.UnpackLow(a, b);   // a0 b0 a2 b2
                var ab1 = Avx.UnpackHigh(a, b);  // a1 b1 a3 b3
                var cd0 = Avx.UnpackLow(c, d);
                var cd1 = Avx.UnpackHigh(c, d);
                var k = n >> 1;
                Unsafe.Add(ref zrRef, k) = (Avx.Permute2x128(ab0, cd0, 0x20) * window[n]).AsVector();
                Unsafe.Add(ref ziRef, k) = (Avx.Permute2x128(ab1, cd1, 0x20) * window[n + 1]).AsVector();
                Unsafe.Add(ref zrRef, k + 1) = (Avx.Permute2x128(ab0, cd0, 0x31) * window[n + 2]).AsVector();
                Unsafe.Add(ref ziRef, k + 1) = (Avx.Permute2x128(ab1, cd1, 0x31) * window[n + 3]).AsVector();
            }

            return;
        }

        Span<double> lanes = stackalloc double[Vector<double>.Count];
        for (var k = 0; k < zr.Length; k++)
        {
            zr[k] = Gather(padded, firstSample + (2 * k), hop, lanes) * window[2 * k];
            zi[k] = Gather(padded, firstSample + (2 * k) + 1, hop, lanes) * window[(2 * k) + 1];
        }
    }

    /// <summary>Samples in natural order (for the direct-DFT fallback).</summary>
    public static void LoadInOrder(ReadOnlySpan<float> padded, int firstSample, int hop, ReadOnlySpan<double> window, Span<Vector<double>> frames)
    {
        Span<double> lanes = stackalloc double[Vector<double>.Count];
        for (var n = 0; n < window.Length; n++)
        {
            frames[n] = Gather(padded, firstSample + n, hop, lanes) * window[n];
        }
    }

    private static Vector<double> Gather(ReadOnlySpan<float> padded, int index, int stride, Span<double> lanes)
    {
        for (var l = 0; l < lanes.Length; l++)
        {
            lanes[l] = padded[index + (l * stride)];
        }

        return new Vector<double>(lanes);
    }
}
