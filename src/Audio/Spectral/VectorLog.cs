using System.Numerics;
using System.Runtime.CompilerServices;

namespace MusicClustering.Audio;

/// <summary>
/// The natural logarithm of each lane, inlined into the caller. <see cref="Vector.Log(Vector{float})"/> is a large
/// generic method the JIT never inlines: a hot loop calls it once per vector, and a fresh process runs it at tier 0
/// (unoptimised, about ten times slower) for its first seconds, which in a cold 1000-clip run cost 0.5 s of CPU in the
/// feature stage. Positive normal lanes (all the MFCC and descriptor paths produce) take the polynomial; any other
/// lane (zero, negative, subnormal, infinite, NaN) is computed by <see cref="MathF.Log(float)"/>.
/// </summary>
internal static class VectorLog
{
    private const int MantissaMask = 0x007F_FFFF;
    private const int HalfExponent = 0x3F00_0000;
    private const uint SmallestNormal = 0x0080_0000;
    private const uint NormalSpan = 0x7F80_0000 - SmallestNormal;

    // ln 2 split so that e·Ln2High is exact for every exponent.
    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Natural(Vector<float> x)
    {
        var bits = Vector.AsVectorInt32(x);
        if (Vector.GreaterThanOrEqualAny(Vector.AsVectorUInt32(bits) - new Vector<uint>(SmallestNormal), new Vector<uint>(NormalSpan)))
        {
            return Scalar(x);
        }

        // x = m·2^e with m in [½, 1); then m in [√½, √2) by moving one factor of 2 when m < √½, and f = m − 1 (exact).
        var m = Vector.AsVectorSingle((bits & new Vector<int>(MantissaMask)) | new Vector<int>(HalfExponent));
        var exponent = Vector.ShiftRightLogical(bits, 23) - new Vector<int>(126);
        var small = Vector.LessThan(m, new Vector<float>(0.707106781186547524f));
        exponent += small;
        var f = (m - Vector<float>.One) + (m & Vector.AsVectorSingle(small));

        // log(1 + f) = f − f²/2 + f³·P(f) on [√½ − 1, √2 − 1], P of degree 8 (Cephes' logf coefficients).
        var z = f * f;
        var p = new Vector<float>(7.0376836292e-2f);
        p = Fused.MulAdd(p, f, new Vector<float>(-1.1514610310e-1f));
        p = Fused.MulAdd(p, f, new Vector<float>(1.1676998740e-1f));
        p = Fused.MulAdd(p, f, new Vector<float>(-1.2420140846e-1f));
        p = Fused.MulAdd(p, f, new Vector<float>(1.4249322787e-1f));
        p = Fused.MulAdd(p, f, new Vector<float>(-1.6668057665e-1f));
        p = Fused.MulAdd(p, f, new Vector<float>(2.0000714765e-1f));
        p = Fused.MulAdd(p, f, new Vector<float>(-2.4999993993e-1f));
        p = Fused.MulAdd(p, f, new Vector<float>(3.3333331174e-1f));
        var e = Vector.ConvertToSingle(exponent);
        var y = Fused.MulAdd(p * f, z, e * new Vector<float>(Ln2Low));
        y = Fused.NegMulAdd(new Vector<float>(0.5f), z, y);
        return Fused.MulAdd(e, new Vector<float>(Ln2High), f + y);
    }

    private static Vector<float> Scalar(Vector<float> x)
    {
        Span<float> lanes = stackalloc float[Vector<float>.Count];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = MathF.Log(x[i]);
        }

        return new Vector<float>(lanes);
    }
}
