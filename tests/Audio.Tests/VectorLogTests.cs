using System.Numerics;

namespace MusicClustering.Audio.Tests;

/// <summary>The inlined vector logarithm against the correctly rounded one (double precision, rounded to float).</summary>
public sealed class VectorLogTests
{
    // Cephes' logf polynomial with fused steps: measured at most 1 ulp over every mantissa of three binades.
    private const int MaxUlps = 1;

    [Fact]
    public void Every_mantissa_around_one_is_within_one_ulp()
    {
        // [0.5, 2) holds both branches (m below and above √½) and f near 0, where the error is relative to a tiny result.
        var values = new List<float>();
        for (var bits = BitConverter.SingleToInt32Bits(0.5f); bits < BitConverter.SingleToInt32Bits(2f); bits++)
        {
            values.Add(BitConverter.Int32BitsToSingle(bits));
        }

        Assert.True(MaxUlpError(values.ToArray()) <= MaxUlps);
    }

    [Fact]
    public void Values_across_the_whole_normal_range_are_within_one_ulp()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 200_000)
            .Select(_ => BitConverter.Int32BitsToSingle(random.Next(0x0080_0000, 0x7F80_0000)))
            .Concat([float.Epsilon * (1 << 23), 1e-10f, 1f, MathF.E, float.MaxValue])
            .ToArray();
        Assert.True(MaxUlpError(values) <= MaxUlps);
    }

    [Fact]
    public void Lanes_outside_the_normal_range_take_the_scalar_logarithm()
    {
        float[] special = [0f, -0f, -1f, float.PositiveInfinity, float.NaN, float.Epsilon, 1e-40f, 2f, 0.5f];
        var lanes = new float[Vector<float>.Count];
        for (var start = 0; start < special.Length; start += lanes.Length)
        {
            Array.Fill(lanes, 3f);
            special.AsSpan(start, Math.Min(lanes.Length, special.Length - start)).CopyTo(lanes);
            var result = VectorLog.Natural(new Vector<float>(lanes));
            for (var i = 0; i < lanes.Length; i++)
            {
                Assert.Equal(MathF.Log(lanes[i]), result[i]);
            }
        }
    }

    private static long MaxUlpError(float[] values)
    {
        long worst = 0;
        var lanes = new float[Vector<float>.Count];
        for (var start = 0; start + lanes.Length <= values.Length; start += lanes.Length)
        {
            values.AsSpan(start, lanes.Length).CopyTo(lanes);
            var result = VectorLog.Natural(new Vector<float>(lanes));
            for (var i = 0; i < lanes.Length; i++)
            {
                var exact = (float)Math.Log(lanes[i]);
                worst = Math.Max(worst, Math.Abs((long)BitConverter.SingleToInt32Bits(result[i]) - BitConverter.SingleToInt32Bits(exact)));
            }
        }

        return worst;
    }
}
