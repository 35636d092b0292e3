using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MusicClustering.Audio;

/// <summary>
/// Gathers <see cref="Vector{T}.Count"/> consecutive frames (hop apart) into lane-per-frame vectors, applies the
/// window and writes them in the FFT's input order. On AVX with 8 lanes the frames are read as contiguous float runs
/// and transposed 8×8 in registers; the FFT takes natural order, so all stores are sequential.
/// </summary>
internal static class FrameBatchLoader
{
    /// <summary>Even samples of the frames into <paramref name="zr"/>, odd ones into <paramref name="zi"/> (power-of-two FFT input).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LoadEvenOdd(ReadOnlySpan<float> source, int firstSample, int hop, ReadOnlySpan<float> window, Span<Vector<float>> zr, Span<Vector<float>> zi)
    {
        var nFft = window.Length;
        if (Vector<float>.Count == 8 && Avx.IsSupported && nFft % 4 == 0)
        {
            // Bounds: the last frame of the batch must lie inside the buffer.
            _ = source.Slice(firstSample + (7 * hop), nFft);
            ref var s0 = ref Unsafe.AsRef(in source[firstSample]);
            ref var w = ref Unsafe.AsRef(in window[0]);
            ref var zrRef = ref zr[0];
            ref var ziRef = ref zi[0];
            var h = (nuint)hop;
            for (nuint n = 0; n < (nuint)nFft; n += 4)
            {
                // Rows pair frame f's samples n..n+3 (low half) with frame f+4's (high half); a 4×4 transpose inside
                // each half then leaves sample n+j of all 8 frames in row j. Half the shuffles of a full 8×8 transpose.
                var r0 = Row(ref s0, n, 0, h);
                var r1 = Row(ref s0, n, 1, h);
                var r2 = Row(ref s0, n, 2, h);
                var r3 = Row(ref s0, n, 3, h);
                var t0 = Avx.UnpackLow(r0, r1);
                var t1 = Avx.UnpackHigh(r0, r1);
                var t2 = Avx.UnpackLow(r2, r3);
                var t3 = Avx.UnpackHigh(r2, r3);
                var k = (int)(n >> 1);
                Unsafe.Add(ref zrRef, k) = (Avx.Shuffle(t0, t2, 0x44) * Unsafe.Add(ref w, (int)n)).AsVector();
                Unsafe.Add(ref ziRef, k) = (Avx.Shuffle(t0, t2, 0xEE) * Unsafe.Add(ref w, (int)n + 1)).AsVector();
                Unsafe.Add(ref zrRef, k + 1) = (Avx.Shuffle(t1, t3, 0x44) * Unsafe.Add(ref w, (int)n + 2)).AsVector();
                Unsafe.Add(ref ziRef, k + 1) = (Avx.Shuffle(t1, t3, 0xEE) * Unsafe.Add(ref w, (int)n + 3)).AsVector();
            }

            return;
        }

        Span<float> lanes = stackalloc float[Vector<float>.Count];
        for (var k = 0; k < zr.Length; k++)
        {
            zr[k] = Gather(source, firstSample + (2 * k), hop, lanes) * window[2 * k];
            zi[k] = Gather(source, firstSample + (2 * k) + 1, hop, lanes) * window[(2 * k) + 1];
        }
    }

    /// <summary>Samples in natural order (for the direct-DFT fallback).</summary>
    public static void LoadInOrder(ReadOnlySpan<float> source, int firstSample, int hop, ReadOnlySpan<float> window, Span<Vector<float>> frames)
    {
        Span<float> lanes = stackalloc float[Vector<float>.Count];
        for (var n = 0; n < window.Length; n++)
        {
            frames[n] = Gather(source, firstSample + n, hop, lanes) * window[n];
        }
    }

    // Frame f's samples n..n+3 in the low half, frame f+4's in the high half.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Row(ref float first, nuint n, nuint frame, nuint hop) =>
        Vector256.Create(Vector128.LoadUnsafe(ref first, n + (frame * hop)), Vector128.LoadUnsafe(ref first, n + ((frame + 4) * hop)));

    /// <summary>
    /// In-register 8×8 transpose: row r holds 8 consecutive values of frame r on entry and value r of the 8 frames on
    /// exit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Transpose8(
        ref Vector256<float> r0, ref Vector256<float> r1, ref Vector256<float> r2, ref Vector256<float> r3,
        ref Vector256<float> r4, ref Vector256<float> r5, ref Vector256<float> r6, ref Vector256<float> r7)
    {
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        r0 = Avx.Permute2x128(u0, u4, 0x20);
        r1 = Avx.Permute2x128(u1, u5, 0x20);
        r2 = Avx.Permute2x128(u2, u6, 0x20);
        r3 = Avx.Permute2x128(u3, u7, 0x20);
        r4 = Avx.Permute2x128(u0, u4, 0x31);
        r5 = Avx.Permute2x128(u1, u5, 0x31);
        r6 = Avx.Permute2x128(u2, u6, 0x31);
        r7 = Avx.Permute2x128(u3, u7, 0x31);
    }

    private static Vector<float> Gather(ReadOnlySpan<float> source, int index, int stride, Span<float> lanes)
    {
        for (var l = 0; l < lanes.Length; l++)
        {
            lanes[l] = source[index + (l * stride)];
        }

        return new Vector<float>(lanes);
    }
}
