using System.Numerics;
using System.Runtime.Intrinsics;

namespace MusicClustering.Audio;

/// <summary>
/// Moves spectrogram values between the pass's frame-major layout ([batch][bin], lane = frame) and a bin-major one
/// ([bin group][frame], lane = bin), by 8×8 transposes, so a filter along time can also run with one series per lane.
/// </summary>
internal static class LaneTranspose
{
    public static void ToBinMajor(ReadOnlySpan<Vector<float>> frameMajor, int bins, int batches, Span<Vector<float>> binMajor)
    {
        var lanes = Vector<float>.Count;
        var groups = (bins + lanes - 1) / lanes;
        var framesPadded = batches * lanes;
        Span<Vector<float>> block = stackalloc Vector<float>[lanes];
        for (var b = 0; b < batches; b++)
        {
            for (var g = 0; g < groups; g++)
            {
                for (var i = 0; i < lanes; i++)
                {
                    var bin = (g * lanes) + i;
                    block[i] = bin < bins ? frameMajor[(b * bins) + bin] : Vector<float>.Zero;
                }

                Transpose(block);
                block.CopyTo(binMajor.Slice((g * framesPadded) + (b * lanes), lanes));
            }
        }
    }

    public static void ToFrameMajor(ReadOnlySpan<Vector<float>> binMajor, int bins, int batches, int frames, Span<Vector<float>> frameMajor)
    {
        var lanes = Vector<float>.Count;
        var groups = (bins + lanes - 1) / lanes;
        var framesPadded = batches * lanes;
        Span<Vector<float>> block = stackalloc Vector<float>[lanes];
        for (var b = 0; b < batches; b++)
        {
            for (var g = 0; g < groups; g++)
            {
                var valid = Math.Min(lanes, frames - (b * lanes));
                binMajor.Slice((g * framesPadded) + (b * lanes), valid).CopyTo(block);
                block[valid..].Clear(); // frames past the end were never filtered
                Transpose(block);
                for (var i = 0; i < lanes && (g * lanes) + i < bins; i++)
                {
                    frameMajor[(b * bins) + (g * lanes) + i] = block[i];
                }
            }
        }
    }

    private static void Transpose(Span<Vector<float>> block)
    {
        if (block.Length == 8 && System.Runtime.Intrinsics.X86.Avx.IsSupported)
        {
            var r0 = block[0].AsVector256();
            var r1 = block[1].AsVector256();
            var r2 = block[2].AsVector256();
            var r3 = block[3].AsVector256();
            var r4 = block[4].AsVector256();
            var r5 = block[5].AsVector256();
            var r6 = block[6].AsVector256();
            var r7 = block[7].AsVector256();
            FrameBatchLoader.Transpose8(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);
            block[0] = r0.AsVector();
            block[1] = r1.AsVector();
            block[2] = r2.AsVector();
            block[3] = r3.AsVector();
            block[4] = r4.AsVector();
            block[5] = r5.AsVector();
            block[6] = r6.AsVector();
            block[7] = r7.AsVector();
            return;
        }

        var n = block.Length;
        Span<float> values = stackalloc float[n * n];
        for (var i = 0; i < n; i++)
        {
            block[i].CopyTo(values[(i * n)..]);
        }

        for (var i = 0; i < n; i++)
        {
            var row = new float[n];
            for (var j = 0; j < n; j++)
            {
                row[j] = values[(j * n) + i];
            }

            block[i] = new Vector<float>(row);
        }
    }
}
