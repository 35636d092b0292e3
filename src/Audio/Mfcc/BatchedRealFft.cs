using System.Numerics;
using System.Runtime.CompilerServices;

namespace MusicClustering.Audio;

/// <summary>
/// Real-input DFT of <see cref="Size"/> points computed for <see cref="Lanes"/> frames at once: every
/// <see cref="Vector{T}"/> lane carries one frame, so plain butterfly code is SIMD across frames. Power-of-two sizes
/// use a half-size complex FFT (bit-reversed input, radix-2² passes that fuse two radix-2 stages, the early passes
/// run block by block so they stay in L1) followed by the real-input split. Other even sizes fall back to a direct
/// O(n²) DFT (correct, slow). All arithmetic is float64.
/// </summary>
internal sealed class BatchedRealFft
{
    private const int BlockSize = 256; // complex points per L1-resident block (256 × 4 lanes × 16 B = 16 KiB)

    private readonly int _half;
    private readonly int[] _bitReverse;
    private readonly bool _leadingRadix2;
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

            _leadingRadix2 = bits % 2 == 1;
            var passes = new List<Pass>();
            for (var length = _leadingRadix2 ? 8 : 4; length <= _half; length *= 4)
            {
                passes.Add(new Pass(length));
            }

            _passes = [.. passes];
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

    /// <summary>Position of complex sample k (= real samples 2k, 2k+1) in the transform's input order.</summary>
    public int InputPosition(int k) => _bitReverse[k];

    /// <summary>
    /// Transforms <see cref="Lanes"/> windowed frames. For power-of-two sizes <paramref name="zr"/>/<paramref name="zi"/>
    /// (half-size each) must hold even/odd samples in bit-reversed order (see <see cref="InputPosition"/>) and are
    /// overwritten; otherwise <paramref name="input"/> holds the Size samples in order. Writes Bins complex outputs.
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComplexFft(Span<Vector<double>> re, Span<Vector<double>> im)
    {
        ref var r = ref re[0];
        ref var i = ref im[0];
        var n = _half;
        if (_leadingRadix2)
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

        // Early passes block by block (each block's sub-transforms are independent), the rest over everything.
        var block = Math.Min(BlockSize, n);
        var p = 0;
        for (var start = 0; start < n; start += block)
        {
            for (p = 0; p < _passes.Length && _passes[p].Length <= block; p++)
            {
                _passes[p].Run(ref Unsafe.Add(ref r, start), ref Unsafe.Add(ref i, start), block);
            }
        }

        for (; p < _passes.Length; p++)
        {
            _passes[p].Run(ref r, ref i, n);
        }
    }

    // X[k] = E[k] + e^{-2πik/N} O[k] with E, O the spectra of the even/odd samples, recovered from Z = FFT(even + i·odd).
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
            var a = k == _half ? 0 : k;
            var b = k == 0 ? 0 : _half - k;
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
    /// Two fused radix-2 DIT stages producing transforms of <see cref="Length"/> points from four of Length/4:
    /// A, B, C, D → AB = A ± t²B, CD = C ± t²D → X = AB ± t·CD (and ∓i·t for the odd quarter), t = e^{-2πij/Length}.
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

                    var tbr = (r1 * w2r) - (i1 * w2i);
                    var tbi = (r1 * w2i) + (i1 * w2r);
                    var tdr = (r3 * w2r) - (i3 * w2i);
                    var tdi = (r3 * w2i) + (i3 * w2r);
                    var ab0r = r0 + tbr;
                    var ab0i = i0 + tbi;
                    var ab1r = r0 - tbr;
                    var ab1i = i0 - tbi;
                    var cd0r = r2 + tdr;
                    var cd0i = i2 + tdi;
                    var cd1r = r2 - tdr;
                    var cd1i = i2 - tdi;
                    var er = (cd0r * w1r) - (cd0i * w1i);
                    var ei = (cd0r * w1i) + (cd0i * w1r);
                    var fr = (cd1r * w1r) - (cd1i * w1i);
                    var fi = (cd1r * w1i) + (cd1i * w1r);

                    r0 = ab0r + er;
                    i0 = ab0i + ei;
                    r2 = ab0r - er;
                    i2 = ab0i - ei;
                    r1 = ab1r + fi; // ab1 + (-i)·f
                    i1 = ab1i - fr;
                    r3 = ab1r - fi;
                    i3 = ab1i + fr;
                }
            }
        }
    }
}
