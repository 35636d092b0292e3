using System.Numerics;
using System.Runtime.CompilerServices;

namespace MusicClustering.Audio;

/// <summary>
/// Real-input DFT of <see cref="Size"/> points computed for <see cref="Lanes"/> frames at once: every
/// <see cref="Vector{T}"/> lane carries one frame, so plain butterfly code is SIMD across frames. Power-of-two sizes
/// use a half-size complex FFT (natural-order input, decimation-in-frequency radix-2² passes that fuse two radix-2
/// stages, the small passes run block by block so they stay in L1, bit-reversed output) followed by the real-input
/// split. Other even sizes fall back to a direct O(n²) DFT (correct, slow). All arithmetic is float64.
/// </summary>
internal sealed class BatchedRealFft
{
    private const int BlockSize = 256; // complex points per L1-resident block (256 × 4 lanes × 16 B = 16 KiB)

    private readonly int _half;
    private readonly int[] _bitReverse;
    private readonly bool _trailingRadix2;
    private readonly Pass[] _passes;
    private readonly double[] _splitRe;     // e^{-2πi k / size}, k ≤ half
    private readonly double[] _splitIm;
    private readonly double[]? _dftCos;     // fallback tables, index (k·n) mod size
    private readonly double[]? _dftSin;

    public BatchedRealFft(int size)
    {
        if (size < 4 || size % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), "FFT size must be even and at least 4.");
        }

        Size = size;
        _half = size / 2;
        IsPowerOfTwo = BitOperations.IsPow2(_half);
        _splitRe = new double[_half + 1];
        _splitIm = new double[_half + 1];
        for (var k = 0; k <= _half; k++)
        {
            _splitRe[k] = Math.Cos(2 * Math.PI * k / size);
            _splitIm[k] = -Math.Sin(2 * Math.PI * k / size);
        }

        if (IsPowerOfTwo)
        {
            var bits = BitOperations.Log2((uint)_half);
            _bitReverse = new int[_half];
            for (var i = 0; i < _half; i++)
            {
                _bitReverse[i] = bits == 0 ? 0 : (int)(ReverseBits((uint)i) >> (32 - bits));
            }

            _trailingRadix2 = bits % 2 == 1;
            var passes = new List<Pass>();
            for (var length = _half; length >= 4; length /= 4)
            {
                passes.Add(new Pass(length));
            }

            _passes = [.. passes]; // largest first
        }
        else
        {
            _bitReverse = [];
            _passes = [];
            _dftCos = new double[size];
            _dftSin = new double[size];
            for (var n = 0; n < size; n++)
            {
                _dftCos[n] = Math.Cos(2 * Math.PI * n / size);
                _dftSin[n] = -Math.Sin(2 * Math.PI * n / size);
            }
        }
    }

    public static int Lanes => Vector<double>.Count;

    public int Size { get; }

    public int Bins => _half + 1;

    public bool IsPowerOfTwo { get; }

    /// <summary>
    /// Transforms <see cref="Lanes"/> windowed frames. For power-of-two sizes <paramref name="zr"/>/<paramref name="zi"/>
    /// (half-size each) must hold the even/odd samples (zr[k] = x[2k], zi[k] = x[2k+1]) and are overwritten; otherwise
    /// <paramref name="input"/> holds the Size samples in order. Writes Bins complex outputs.
    /// </summary>
    public void Transform(ReadOnlySpan<Vector<double>> input, Span<Vector<double>> zr, Span<Vector<double>> zi, Span<Vector<double>> re, Span<Vector<double>> im)
    {
        if (!IsPowerOfTwo)
        {
            DirectDft(input, re, im);
            return;
        }

        ComplexFft(zr, zi);
        SplitReal(zr, zi, re, im);
    }

    /// <summary>As <see cref="Transform"/> but writes only |X[k]|² (power-of-two sizes skip the separate re/im pass).</summary>
    public void PowerSpectrum(ReadOnlySpan<Vector<double>> input, Span<Vector<double>> zr, Span<Vector<double>> zi, Span<Vector<double>> power, Span<Vector<double>> scratchIm)
    {
        if (!IsPowerOfTwo)
        {
            DirectDft(input, power, scratchIm);
            for (var k = 0; k < power.Length; k++)
            {
                power[k] = (power[k] * power[k]) + (scratchIm[k] * scratchIm[k]);
            }

            return;
        }

        ComplexFft(zr, zi);
        SplitRealPower(zr, zi, power);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComplexFft(Span<Vector<double>> re, Span<Vector<double>> im)
    {
        ref var r = ref re[0];
        ref var i = ref im[0];
        var n = _half;

        // Large passes over everything, then the small ones block by block (each block is then independent).
        var block = Math.Min(BlockSize, n);
        var p = 0;
        for (; p < _passes.Length && _passes[p].Length > block; p++)
        {
            _passes[p].Run(ref r, ref i, n);
        }

        for (var start = 0; start < n; start += block)
        {
            for (var q = p; q < _passes.Length; q++)
            {
                _passes[q].Run(ref Unsafe.Add(ref r, start), ref Unsafe.Add(ref i, start), block);
            }
        }

        if (_trailingRadix2)
        {
            for (var a = 0; a < n; a += 2)
            {
                ref var r0 = ref Unsafe.Add(ref r, a);
                ref var i0 = ref Unsafe.Add(ref i, a);
                ref var r1 = ref Unsafe.Add(ref r, a + 1);
                ref var i1 = ref Unsafe.Add(ref i, a + 1);
                var tr = r1;
                var ti = i1;
                r1 = r0 - tr;
                i1 = i0 - ti;
                r0 += tr;
                i0 += ti;
            }
        }
    }

    // X[k] = E[k] + e^{-2πik/N} O[k] with E, O the spectra of the even/odd samples, recovered from Z = FFT(even + i·odd)
    // (Z[k] sits at bit-reversed position).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SplitReal(ReadOnlySpan<Vector<double>> zr, ReadOnlySpan<Vector<double>> zi, Span<Vector<double>> re, Span<Vector<double>> im)
    {
        var half = new Vector<double>(0.5);
        ref var zrRef = ref Unsafe.AsRef(in zr[0]);
        ref var ziRef = ref Unsafe.AsRef(in zi[0]);
        ref var reRef = ref re[0];
        ref var imRef = ref im[0];
        for (var k = 0; k <= _half; k++)
        {
            var a = _bitReverse[k == _half ? 0 : k];
            var b = _bitReverse[k == 0 ? 0 : _half - k];
            var ar = Unsafe.Add(ref zrRef, a);
            var ai = Unsafe.Add(ref ziRef, a);
            var br = Unsafe.Add(ref zrRef, b);
            var bi = Unsafe.Add(ref ziRef, b);
            var er = (ar + br) * half;
            var ei = (ai - bi) * half;
            var or = (ai + bi) * half;
            var oi = (br - ar) * half;
            var c = new Vector<double>(_splitRe[k]);
            var s = new Vector<double>(_splitIm[k]);
            Unsafe.Add(ref reRef, k) = er + (c * or) - (s * oi);
            Unsafe.Add(ref imRef, k) = ei + (c * oi) + (s * or);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SplitRealPower(ReadOnlySpan<Vector<double>> zr, ReadOnlySpan<Vector<double>> zi, Span<Vector<double>> power)
    {
        var half = new Vector<double>(0.5);
        ref var zrRef = ref Unsafe.AsRef(in zr[0]);
        ref var ziRef = ref Unsafe.AsRef(in zi[0]);
        ref var powerRef = ref power[0];
        for (var k = 0; k <= _half; k++)
        {
            var a = _bitReverse[k == _half ? 0 : k];
            var b = _bitReverse[k == 0 ? 0 : _half - k];
            var ar = Unsafe.Add(ref zrRef, a);
            var ai = Unsafe.Add(ref ziRef, a);
            var br = Unsafe.Add(ref zrRef, b);
            var bi = Unsafe.Add(ref ziRef, b);
            var er = (ar + br) * half;
            var ei = (ai - bi) * half;
            var or = (ai + bi) * half;
            var oi = (br - ar) * half;
            var c = new Vector<double>(_splitRe[k]);
            var s = new Vector<double>(_splitIm[k]);
            var xr = er + (c * or) - (s * oi);
            var xi = ei + (c * oi) + (s * or);
            Unsafe.Add(ref powerRef, k) = (xr * xr) + (xi * xi);
        }
    }

    private void DirectDft(ReadOnlySpan<Vector<double>> input, Span<Vector<double>> re, Span<Vector<double>> im)
    {
        for (var k = 0; k <= _half; k++)
        {
            var accRe = Vector<double>.Zero;
            var accIm = Vector<double>.Zero;
            var index = 0;
            for (var n = 0; n < Size; n++)
            {
                accRe += input[n] * _dftCos![index];
                accIm += input[n] * _dftSin![index];
                index += k;
                if (index >= Size)
                {
                    index -= Size;
                }
            }

            re[k] = accRe;
            im[k] = accIm;
        }
    }

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }

    /// <summary>
    /// Two fused radix-2 decimation-in-frequency stages on blocks of <see cref="Length"/> points, quarters a, b, c, d:
    /// u0 = a + c, u1 = b + d, u2 = (a − c)·t, u3 = (b − d)·(−i)·t, then y = [u0 + u1, (u0 − u1)·t², u2 + u3, (u2 − u3)·t²]
    /// with t = e^{-2πij/Length}.
    /// </summary>
    private sealed class Pass
    {
        private readonly double[] _t1Re;
        private readonly double[] _t1Im;
        private readonly double[] _t2Re;
        private readonly double[] _t2Im;

        public Pass(int length)
        {
            Length = length;
            var quarter = length / 4;
            _t1Re = new double[quarter];
            _t1Im = new double[quarter];
            _t2Re = new double[quarter];
            _t2Im = new double[quarter];
            for (var j = 0; j < quarter; j++)
            {
                _t1Re[j] = Math.Cos(2 * Math.PI * j / length);
                _t1Im[j] = -Math.Sin(2 * Math.PI * j / length);
                _t2Re[j] = Math.Cos(4 * Math.PI * j / length);
                _t2Im[j] = -Math.Sin(4 * Math.PI * j / length);
            }
        }

        public int Length { get; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(ref Vector<double> re, ref Vector<double> im, int count)
        {
            var q = Length / 4;
            for (var j = 0; j < q; j++)
            {
                var w1r = new Vector<double>(_t1Re[j]);
                var w1i = new Vector<double>(_t1Im[j]);
                var w2r = new Vector<double>(_t2Re[j]);
                var w2i = new Vector<double>(_t2Im[j]);
                for (var b = j; b < count; b += Length)
                {
                    ref var r0 = ref Unsafe.Add(ref re, b);
                    ref var i0 = ref Unsafe.Add(ref im, b);
                    ref var r1 = ref Unsafe.Add(ref r0, q);
                    ref var i1 = ref Unsafe.Add(ref i0, q);
                    ref var r2 = ref Unsafe.Add(ref r1, q);
                    ref var i2 = ref Unsafe.Add(ref i1, q);
                    ref var r3 = ref Unsafe.Add(ref r2, q);
                    ref var i3 = ref Unsafe.Add(ref i2, q);

                    var u0r = r0 + r2;
                    var u0i = i0 + i2;
                    var u1r = r1 + r3;
                    var u1i = i1 + i3;
                    var acr = r0 - r2;
                    var aci = i0 - i2;
                    var bdr = r1 - r3;
                    var bdi = i1 - i3;
                    var u2r = (acr * w1r) - (aci * w1i);
                    var u2i = (acr * w1i) + (aci * w1r);
                    var vr = (bdr * w1r) - (bdi * w1i);
                    var vi = (bdr * w1i) + (bdi * w1r);
                    var u3r = vi;  // (−i)·v
                    var u3i = -vr;

                    r0 = u0r + u1r;
                    i0 = u0i + u1i;
                    var dr = u0r - u1r;
                    var di = u0i - u1i;
                    r1 = (dr * w2r) - (di * w2i);
                    i1 = (dr * w2i) + (di * w2r);
                    r2 = u2r + u3r;
                    i2 = u2i + u3i;
                    var er = u2r - u3r;
                    var ei = u2i - u3i;
                    r3 = (er * w2r) - (ei * w2i);
                    i3 = (er * w2i) + (ei * w2r);
                }
            }
        }
    }
}
