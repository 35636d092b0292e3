using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MusicClustering.Audio;

/// <summary>
/// Real-input DFT of <see cref="Size"/> points computed for <see cref="Lanes"/> frames at once: every
/// <see cref="Vector{T}"/> lane carries one frame, so plain butterfly code is SIMD across frames. Power-of-two sizes
/// use a half-size complex FFT (natural-order input, decimation-in-frequency radix-2² passes that fuse two radix-2
/// stages, the small passes run block by block so they stay in L1, bit-reversed output) followed by the real-input
/// split. Other even sizes fall back to a direct O(n²) DFT (correct, slow). Arithmetic is float32 with twiddles
/// rounded from float64, like pocketfft's single-precision path; librosa parity holds because every consumer either
/// rounds the spectrum to float32 itself (librosa's complex64 STFT) or clips it 80 dB below the maximum.
/// </summary>
internal sealed class BatchedRealFft
{
    private const int BlockSize = 256; // complex points per L1-resident block (256 × 8 lanes × 4 B × 2 = 16 KiB)

    private readonly int _half;
    private readonly int[] _bitReverse;
    private readonly bool _trailingRadix2;
    private readonly Pass[] _passes;
    private readonly float[] _splitRe;     // e^{-2πi k / size}, k ≤ half
    private readonly float[] _splitIm;
    private readonly int[] _pairBins;      // per pair of the split: k = rev(p), and e^{-2πik/size}
    private readonly float[] _pairCos;
    private readonly float[] _pairSin;
    private readonly double[]? _dftCos;    // fallback tables, index (k·n) mod size
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
        _splitRe = new float[_half + 1];
        _splitIm = new float[_half + 1];
        for (var k = 0; k <= _half; k++)
        {
            _splitRe[k] = (float)Math.Cos(2 * Math.PI * k / size);
            _splitIm[k] = (float)-Math.Sin(2 * Math.PI * k / size);
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
            var pairs = new List<int>();
            for (var block = 2; block < _half; block *= 2)
            {
                for (var p = block; p < block + (block / 2); p++)
                {
                    pairs.Add(_bitReverse[p]);
                }
            }

            _pairBins = [.. pairs];
            _pairCos = [.. pairs.Select(k => (float)Math.Cos(2 * Math.PI * k / size))];
            _pairSin = [.. pairs.Select(k => (float)-Math.Sin(2 * Math.PI * k / size))];
        }
        else
        {
            _bitReverse = [];
            _passes = [];
            _pairBins = [];
            _pairCos = [];
            _pairSin = [];
            _dftCos = new double[size];
            _dftSin = new double[size];
            for (var n = 0; n < size; n++)
            {
                _dftCos[n] = Math.Cos(2 * Math.PI * n / size);
                _dftSin[n] = -Math.Sin(2 * Math.PI * n / size);
            }
        }
    }

    public static int Lanes => Vector<float>.Count;

    public int Size { get; }

    public int Bins => _half + 1;

    public bool IsPowerOfTwo { get; }

    /// <summary>
    /// Transforms <see cref="Lanes"/> windowed frames. For power-of-two sizes <paramref name="zr"/>/<paramref name="zi"/>
    /// (half-size each) must hold the even/odd samples (zr[k] = x[2k], zi[k] = x[2k+1]) and are overwritten; otherwise
    /// <paramref name="input"/> holds the Size samples in order. Writes Bins complex outputs.
    /// </summary>
    public void Transform(ReadOnlySpan<Vector<float>> input, Span<Vector<float>> zr, Span<Vector<float>> zi, Span<Vector<float>> re, Span<Vector<float>> im)
    {
        if (!IsPowerOfTwo)
        {
            DirectDft(input, re, im);
            return;
        }

        Forward(zr, zi);
        Split(zr, zi, re, im);
    }

    /// <summary>As <see cref="Transform"/> but writes only |X[k]|² (power-of-two sizes skip the separate re/im pass).</summary>
    public void PowerSpectrum(ReadOnlySpan<Vector<float>> input, Span<Vector<float>> zr, Span<Vector<float>> zi, Span<Vector<float>> power, Span<Vector<float>> scratchIm)
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

        Forward(zr, zi);
        SplitPower(zr, zi, power);
    }

    /// <summary>
    /// numpy <c>irfft</c> of <see cref="Lanes"/> half spectra (Bins values each; the imaginary parts of DC and Nyquist
    /// are ignored): writes the Size real samples of each frame to <paramref name="output"/>, scaled by 1/Size.
    /// Power-of-two sizes only; <paramref name="zr"/>/<paramref name="zi"/> are half-size scratch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Inverse(ReadOnlySpan<Vector<float>> re, ReadOnlySpan<Vector<float>> im, Span<Vector<float>> zr, Span<Vector<float>> zi, Span<Vector<float>> output)
    {
        if (!IsPowerOfTwo)
        {
            throw new NotSupportedException("The inverse transform needs a power-of-two size.");
        }

        // Z[k] = E[k] + i·O[k] with E = (X[k] + conj X[M−k]) / 2 and O = (X[k] − conj X[M−k])·e^{+2πik/N} / 2; the
        // forward FFT of conj(Z) gives M·conj(z), z[m] = x[2m] + i·x[2m+1].
        var m = _half;
        var half = new Vector<float>(0.5f);
        for (var k = 0; k < m; k++)
        {
            var ar = re[k];
            var ai = k == 0 ? Vector<float>.Zero : im[k];
            var br = re[m - k];
            var bi = k == 0 ? Vector<float>.Zero : -im[m - k]; // conj X[M−k]; X[M]'s imaginary part is ignored
            var er = (ar + br) * half;
            var ei = (ai + bi) * half;
            var dr = (ar - br) * half;
            var di = (ai - bi) * half;
            var c = new Vector<float>(_splitRe[k]);
            var s = new Vector<float>(-_splitIm[k]); // e^{+2πik/N} = c + i·s
            var or = (dr * c) - (di * s);
            var oi = (dr * s) + (di * c);
            zr[k] = er - oi;          // Re(E + iO)
            zi[k] = -(ei + or);       // −Im(E + iO): the conjugate
        }

        Forward(zr[..m], zi[..m]);
        var scale = new Vector<float>(1f / m);
        for (var n = 0; n < m; n++)
        {
            var p = _bitReverse[n];
            output[2 * n] = zr[p] * scale;
            output[(2 * n) + 1] = -zi[p] * scale;
        }
    }

    /// <summary>
    /// <see cref="FrameBatchLoader.LoadEvenOdd"/> and <see cref="Forward"/> in one: on AVX with 8 lanes the frames are
    /// loaded, windowed and transposed straight into the first radix-4 pass, which writes the FFT buffers once instead
    /// of the loader writing them and the pass reading them back.
    /// </summary>
    public void ForwardFrames(ReadOnlySpan<float> source, int hop, ReadOnlySpan<float> window, Span<Vector<float>> zr, Span<Vector<float>> zi)
    {
        if (!IsPowerOfTwo || _half < 8 || Vector<float>.Count != 8 || !System.Runtime.Intrinsics.X86.Avx.IsSupported || _passes[0].Length != _half)
        {
            FrameBatchLoader.LoadEvenOdd(source, 0, hop, window, zr, zi);
            Forward(zr, zi);
            return;
        }

        _ = source.Slice(7 * hop, Size); // the last frame of the batch lies inside the buffer
        _passes[0].RunFromFrames(source, hop, window, ref zr[0], ref zi[0]);
        Forward(zr, zi, firstPass: 1);
    }

    /// <summary>In-place complex FFT of Size / 2 points (natural-order input, bit-reversed output); power-of-two sizes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Forward(Span<Vector<float>> re, Span<Vector<float>> im) => Forward(re, im, 0);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Forward(Span<Vector<float>> re, Span<Vector<float>> im, int firstPass)
    {
        ref var r = ref re[0];
        ref var i = ref im[0];
        var n = _half;

        // Large passes over everything, then the small ones block by block (each block is then independent).
        var block = Math.Min(BlockSize, n);
        var p = firstPass;
        for (; p < _passes.Length && _passes[p].Length > block; p++)
        {
            _passes[p].Run(ref r, ref i, n);
        }

        for (var start = 0; start < n; start += block)
        {
            ref var blockRe = ref Unsafe.Add(ref r, start);
            ref var blockIm = ref Unsafe.Add(ref i, start);
            var q = p;
            for (; q + 1 < _passes.Length; q += 2)
            {
                RunPair(_passes[q], _passes[q + 1], ref blockRe, ref blockIm, block);
            }

            if (q < _passes.Length)
            {
                _passes[q].Run(ref blockRe, ref blockIm, block);
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

    /// <summary>
    /// The real-input split after <see cref="Forward"/>: X[k] = E[k] + e^{-2πik/N} O[k] with E, O the spectra of the
    /// even/odd samples, recovered from Z = FFT(even + i·odd), which sits at bit-reversed positions.
    /// </summary>
    public void Split(ReadOnlySpan<Vector<float>> zr, ReadOnlySpan<Vector<float>> zi, Span<Vector<float>> re, Span<Vector<float>> im) =>
        SplitPairs(zr, zi, re, im, power: false);

    /// <summary>As <see cref="Split"/>, writing |X[k]|² only (into <paramref name="power"/>).</summary>
    public void SplitPower(ReadOnlySpan<Vector<float>> zr, ReadOnlySpan<Vector<float>> zi, Span<Vector<float>> power) =>
        SplitPairs(zr, zi, power, power, power: true);

    // X[k] and X[M−k] both come from Z[k] and Z[M−k]. In bit-reversed storage, position p of the octave block
    // [2^j, 2^{j+1}) holds k = rev(p), and M − k sits at the mirrored position 3·2^j − 1 − p of the same block, so both
    // reads stream (forwards and backwards) instead of jumping through the table; only the writes scatter.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SplitPairs(ReadOnlySpan<Vector<float>> zr, ReadOnlySpan<Vector<float>> zi, Span<Vector<float>> re, Span<Vector<float>> im, bool power)
    {
        var m = _half;
        _ = re[m];
        _ = im[m];
        ref var zrRef = ref Unsafe.AsRef(in zr[0]);
        ref var ziRef = ref Unsafe.AsRef(in zi[0]);
        ref var reRef = ref re[0];
        ref var imRef = ref im[0];

        // p = 0: Z[0] gives X[0] = Re + Im and X[M] = Re − Im (both real); p = 1 (M ≥ 2): X[M/2] = conj Z[M/2].
        var z0r = zrRef;
        var z0i = ziRef;
        Store(ref reRef, ref imRef, 0, z0r + z0i, Vector<float>.Zero, power);
        Store(ref reRef, ref imRef, m, z0r - z0i, Vector<float>.Zero, power);
        if (m >= 2)
        {
            Store(ref reRef, ref imRef, m / 2, Unsafe.Add(ref zrRef, 1), -Unsafe.Add(ref ziRef, 1), power);
        }

        if (_pairBins.Length == 0)
        {
            return;
        }

        var half = new Vector<float>(0.5f);
        ref var bins = ref _pairBins[0];
        ref var twRe = ref _pairCos[0];
        ref var twIm = ref _pairSin[0];
        var pair = 0;
        for (var block = 2; block < m; block *= 2)
        {
            var mirror = (3 * block) - 1;
            for (var p = block; p < block + (block / 2); p++, pair++)
            {
                var q = mirror - p;
                var ar = Unsafe.Add(ref zrRef, p);
                var ai = Unsafe.Add(ref ziRef, p);
                var br = Unsafe.Add(ref zrRef, q);
                var bi = Unsafe.Add(ref ziRef, q);
                var er = (ar + br) * half;
                var ei = (ai - bi) * half;
                var or = (ai + bi) * half;
                var oi = (br - ar) * half;
                var c = new Vector<float>(Unsafe.Add(ref twRe, pair));
                var s = new Vector<float>(Unsafe.Add(ref twIm, pair));
                var pr = Fused.NegMulAdd(s, oi, c * or); // Re(W^k·O)
                var pi = Fused.MulAdd(s, or, c * oi);    // Im(W^k·O)
                var k = Unsafe.Add(ref bins, pair);
                Store(ref reRef, ref imRef, k, er + pr, ei + pi, power);
                Store(ref reRef, ref imRef, m - k, er - pr, pi - ei, power);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref Vector<float> re, ref Vector<float> im, int k, Vector<float> xr, Vector<float> xi, bool power)
    {
        if (power)
        {
            Unsafe.Add(ref re, k) = Fused.MulAdd(xr, xr, xi * xi);
        }
        else
        {
            Unsafe.Add(ref re, k) = xr;
            Unsafe.Add(ref im, k) = xi;
        }
    }

    // Accumulates in float64 lane by lane: only non-power-of-two sizes (tests, unusual options) come here.
    private void DirectDft(ReadOnlySpan<Vector<float>> input, Span<Vector<float>> re, Span<Vector<float>> im)
    {
        var lanes = Lanes;
        Span<float> outRe = stackalloc float[lanes];
        Span<float> outIm = stackalloc float[lanes];
        for (var k = 0; k <= _half; k++)
        {
            for (var l = 0; l < lanes; l++)
            {
                double accRe = 0, accIm = 0;
                var index = 0;
                for (var n = 0; n < Size; n++)
                {
                    accRe += input[n][l] * _dftCos![index];
                    accIm += input[n][l] * _dftSin![index];
                    index += k;
                    if (index >= Size)
                    {
                        index -= Size;
                    }
                }

                outRe[l] = (float)accRe;
                outIm[l] = (float)accIm;
            }

            re[k] = new Vector<float>(outRe);
            im[k] = new Vector<float>(outIm);
        }
    }

    /// <summary>
    /// Two consecutive radix-4 passes (lengths L and L/4) in one sweep: the 16 points j + k·L/16 of a block go through
    /// both in registers, halving the loads and stores of the two passes (each point still sees the same arithmetic).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunPair(Pass outer, Pass inner, ref Vector<float> re, ref Vector<float> im, int count)
    {
        var length = outer.Length;
        var s = length / 16;
        ref var tOuter = ref outer.Twiddles[0];
        ref var tInner = ref inner.Twiddles[0];
        for (var b = 0; b < count; b += length)
        {
            for (var j = 0; j < s; j++)
            {
                ref var r = ref Unsafe.Add(ref re, b + j);
                ref var i = ref Unsafe.Add(ref im, b + j);
                var s4 = 4 * s;

                // Stage 1 (length L): butterfly m on points m·s + {0, 4s, 8s, 12s}, twiddle index j + m·s.
                Quarter(ref r, ref i, 0, s4, j == 0, ref Unsafe.Add(ref tOuter, 6 * j), out var a0r, out var a0i, out var a1r, out var a1i, out var a2r, out var a2i, out var a3r, out var a3i);
                Quarter(ref r, ref i, s, s4, false, ref Unsafe.Add(ref tOuter, 6 * (j + s)), out var b0r, out var b0i, out var b1r, out var b1i, out var b2r, out var b2i, out var b3r, out var b3i);
                Quarter(ref r, ref i, 2 * s, s4, false, ref Unsafe.Add(ref tOuter, 6 * (j + (2 * s))), out var c0r, out var c0i, out var c1r, out var c1i, out var c2r, out var c2i, out var c3r, out var c3i);
                Quarter(ref r, ref i, 3 * s, s4, false, ref Unsafe.Add(ref tOuter, 6 * (j + (3 * s))), out var d0r, out var d0i, out var d1r, out var d1i, out var d2r, out var d2i, out var d3r, out var d3i);

                // Stage 2 (length L/4): sub-block g takes output g of the four stage-1 butterflies, points (4g + u)·s.
                ref var w = ref Unsafe.Add(ref tInner, 6 * j);
                var plain = j == 0;
                Eighth(a0r, a0i, b0r, b0i, c0r, c0i, d0r, d0i, plain, ref w, ref r, ref i, 0, s);
                Eighth(a1r, a1i, b1r, b1i, c1r, c1i, d1r, d1i, plain, ref w, ref r, ref i, s4, s);
                Eighth(a2r, a2i, b2r, b2i, c2r, c2i, d2r, d2i, plain, ref w, ref r, ref i, 2 * s4, s);
                Eighth(a3r, a3i, b3r, b3i, c3r, c3i, d3r, d3i, plain, ref w, ref r, ref i, 3 * s4, s);
            }
        }
    }

    // Loads points offset + {0, stride, 2·stride, 3·stride} and applies one radix-4 butterfly (untwiddled when plain).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Quarter(
        ref Vector<float> r, ref Vector<float> i, int offset, int stride, bool plain, ref float tw,
        out Vector<float> y0r, out Vector<float> y0i, out Vector<float> y1r, out Vector<float> y1i,
        out Vector<float> y2r, out Vector<float> y2i, out Vector<float> y3r, out Vector<float> y3i)
    {
        ref var r0 = ref Unsafe.Add(ref r, offset);
        ref var i0 = ref Unsafe.Add(ref i, offset);
        Radix4(
            r0, i0, Unsafe.Add(ref r0, stride), Unsafe.Add(ref i0, stride),
            Unsafe.Add(ref r0, 2 * stride), Unsafe.Add(ref i0, 2 * stride), Unsafe.Add(ref r0, 3 * stride), Unsafe.Add(ref i0, 3 * stride),
            plain, ref tw, out y0r, out y0i, out y1r, out y1i, out y2r, out y2i, out y3r, out y3i);
    }

    // One radix-4 butterfly on values, stored to offset + {0, stride, 2·stride, 3·stride}.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Eighth(
        Vector<float> ar, Vector<float> ai, Vector<float> br, Vector<float> bi, Vector<float> cr, Vector<float> ci, Vector<float> dr, Vector<float> di,
        bool plain, ref float tw, ref Vector<float> r, ref Vector<float> i, int offset, int stride)
    {
        Radix4(ar, ai, br, bi, cr, ci, dr, di, plain, ref tw, out var y0r, out var y0i, out var y1r, out var y1i, out var y2r, out var y2i, out var y3r, out var y3i);
        Store4(ref Unsafe.Add(ref r, offset), ref Unsafe.Add(ref i, offset), stride, y0r, y0i, y1r, y1i, y2r, y2i, y3r, y3i);
    }

    // The one radix-4 butterfly of every pass: plain (t = 1) at j = 0, else with the three twiddles at tw.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Radix4(
        Vector<float> ar, Vector<float> ai, Vector<float> br, Vector<float> bi, Vector<float> cr, Vector<float> ci, Vector<float> dr, Vector<float> di,
        bool plain, ref float tw,
        out Vector<float> y0r, out Vector<float> y0i, out Vector<float> y1r, out Vector<float> y1i,
        out Vector<float> y2r, out Vector<float> y2i, out Vector<float> y3r, out Vector<float> y3i)
    {
        if (plain)
        {
            Radix4Plain(ar, ai, br, bi, cr, ci, dr, di, out y0r, out y0i, out y1r, out y1i, out y2r, out y2i, out y3r, out y3i);
            return;
        }

        Radix4Twiddled(ar, ai, br, bi, cr, ci, dr, di, ref tw, out y0r, out y0i, out y1r, out y1i, out y2r, out y2i, out y3r, out y3i);
    }

    // t = 1: no multiplies. Half of the additions run as x·(±1) + y on the FMA pipes (exact, so the same result), which
    // would otherwise idle while the two add pipes do all the work.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Radix4Plain(
        Vector<float> ar, Vector<float> ai, Vector<float> br, Vector<float> bi, Vector<float> cr, Vector<float> ci, Vector<float> dr, Vector<float> di,
        out Vector<float> y0r, out Vector<float> y0i, out Vector<float> y1r, out Vector<float> y1i,
        out Vector<float> y2r, out Vector<float> y2i, out Vector<float> y3r, out Vector<float> y3i)
    {
        var one = Vector<float>.One;
        var minusOne = -one;
        var u0r = ar + cr;
        var u0i = ai + ci;
        var u1r = br + dr;
        var u1i = bi + di;
        var acr = ar - cr;
        var aci = ai - ci;
        var bdr = br - dr;
        var bdi = bi - di;
        y0r = Fused.MulAdd(u1r, one, u0r);
        y0i = Fused.MulAdd(u1i, one, u0i);
        y1r = Fused.MulAdd(u1r, minusOne, u0r);
        y1i = Fused.MulAdd(u1i, minusOne, u0i);
        y2r = Fused.MulAdd(bdi, one, acr);
        y2i = Fused.MulAdd(bdr, minusOne, aci);
        y3r = Fused.MulAdd(bdi, minusOne, acr);
        y3i = Fused.MulAdd(bdr, one, aci);
    }

    // y = [a + b + c + d, (a − b + c − d)·t², ((a − c) − i(b − d))·t, ((a − c) + i(b − d))·t³] with the twiddles
    // t.re, t.im, t².re, t².im, t³.re, t³.im at tw, broadcast here (a struct of six vectors would go through the stack).
    // u0 + u1 runs on an FMA pipe (exact), which balances 14 adds against 14 FMA-pipe operations.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Radix4Twiddled(
        Vector<float> ar, Vector<float> ai, Vector<float> br, Vector<float> bi, Vector<float> cr, Vector<float> ci, Vector<float> dr, Vector<float> di,
        ref float tw,
        out Vector<float> y0r, out Vector<float> y0i, out Vector<float> y1r, out Vector<float> y1i,
        out Vector<float> y2r, out Vector<float> y2i, out Vector<float> y3r, out Vector<float> y3i)
    {
        var w1r = new Vector<float>(tw);
        var w1i = new Vector<float>(Unsafe.Add(ref tw, 1));
        var w2r = new Vector<float>(Unsafe.Add(ref tw, 2));
        var w2i = new Vector<float>(Unsafe.Add(ref tw, 3));
        var w3r = new Vector<float>(Unsafe.Add(ref tw, 4));
        var w3i = new Vector<float>(Unsafe.Add(ref tw, 5));
        var one = Vector<float>.One;
        var u0r = ar + cr;
        var u0i = ai + ci;
        var u1r = br + dr;
        var u1i = bi + di;
        var acr = ar - cr;
        var aci = ai - ci;
        var bdr = br - dr;
        var bdi = bi - di;
        y0r = Fused.MulAdd(u1r, one, u0r);
        y0i = Fused.MulAdd(u1i, one, u0i);
        var er = u0r - u1r;
        var ei = u0i - u1i;
        y1r = Fused.NegMulAdd(ei, w2i, er * w2r);
        y1i = Fused.MulAdd(ei, w2r, er * w2i);
        var pr = acr + bdi; // (a − c) − i(b − d)
        var pi = aci - bdr;
        y2r = Fused.NegMulAdd(pi, w1i, pr * w1r);
        y2i = Fused.MulAdd(pi, w1r, pr * w1i);
        var mr = acr - bdi; // (a − c) + i(b − d)
        var mi = aci + bdr;
        y3r = Fused.NegMulAdd(mi, w3i, mr * w3r);
        y3i = Fused.MulAdd(mi, w3r, mr * w3i);
    }

    // Loads the points r0 + {0, q, 2q, 3q}, applies one butterfly and stores the outputs in their place.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Radix4InPlace(ref Vector<float> r0, ref Vector<float> i0, int q, bool plain, ref float tw)
    {
        ref var r1 = ref Unsafe.Add(ref r0, q);
        ref var i1 = ref Unsafe.Add(ref i0, q);
        ref var r2 = ref Unsafe.Add(ref r1, q);
        ref var i2 = ref Unsafe.Add(ref i1, q);
        ref var r3 = ref Unsafe.Add(ref r2, q);
        ref var i3 = ref Unsafe.Add(ref i2, q);
        Vector<float> y0r, y0i, y1r, y1i, y2r, y2i, y3r, y3i;
        if (plain)
        {
            Radix4Plain(r0, i0, r1, i1, r2, i2, r3, i3, out y0r, out y0i, out y1r, out y1i, out y2r, out y2i, out y3r, out y3i);
        }
        else
        {
            Radix4Twiddled(r0, i0, r1, i1, r2, i2, r3, i3, ref tw, out y0r, out y0i, out y1r, out y1i, out y2r, out y2i, out y3r, out y3i);
        }

        Store4(ref r0, ref i0, q, y0r, y0i, y1r, y1i, y2r, y2i, y3r, y3i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store4(
        ref Vector<float> r0, ref Vector<float> i0, int stride,
        Vector<float> y0r, Vector<float> y0i, Vector<float> y1r, Vector<float> y1i, Vector<float> y2r, Vector<float> y2i, Vector<float> y3r, Vector<float> y3i)
    {
        r0 = y0r;
        i0 = y0i;
        Unsafe.Add(ref r0, stride) = y1r;
        Unsafe.Add(ref i0, stride) = y1i;
        Unsafe.Add(ref r0, 2 * stride) = y2r;
        Unsafe.Add(ref i0, 2 * stride) = y2i;
        Unsafe.Add(ref r0, 3 * stride) = y3r;
        Unsafe.Add(ref i0, 3 * stride) = y3i;
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
    /// A radix-4 decimation-in-frequency stage on blocks of <see cref="Length"/> points, quarters a, b, c, d, outputs in
    /// two-digit bit-reversed order: y = [a + b + c + d, (a − b + c − d)·t², ((a − c) − i(b − d))·t, ((a − c) + i(b − d))·t³]
    /// with t = e^{-2πij/Length}: three complex multiplies per butterfly, each two multiplies and two fused adds.
    /// </summary>
    private sealed class Pass
    {
        private readonly float[] _twiddles; // per j: t.re, t.im, t².re, t².im, t³.re, t³.im

        public Pass(int length)
        {
            Length = length;
            var quarter = length / 4;
            _twiddles = new float[6 * quarter];
            for (var j = 0; j < quarter; j++)
            {
                for (var power = 1; power <= 3; power++)
                {
                    _twiddles[(6 * j) + (2 * power) - 2] = (float)Math.Cos(2 * Math.PI * power * j / length);
                    _twiddles[(6 * j) + (2 * power) - 1] = (float)-Math.Sin(2 * Math.PI * power * j / length);
                }
            }
        }

        public int Length { get; }

        /// <summary>Per j: t.re, t.im, t².re, t².im, t³.re, t³.im.</summary>
        public float[] Twiddles => _twiddles;

        /// <summary>This pass over the whole transform, its input read from 8 frames hop apart (windowed, even samples real, odd imaginary).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void RunFromFrames(ReadOnlySpan<float> source, int hop, ReadOnlySpan<float> window, ref Vector<float> re, ref Vector<float> im)
        {
            var q = Length / 4;
            ref var s0 = ref Unsafe.AsRef(in source[0]);
            ref var w = ref Unsafe.AsRef(in window[0]);
            ref var tw = ref _twiddles[0];
            var h = (nuint)hop;
            var stride = 2 * q; // samples between the quarters' inputs

            // Plain locals throughout (no stack buffer), so the 16 points of two butterflies stay in registers.
            for (var j = 0; j < q; j += 2)
            {
                var n = 2 * j;
                Points(ref s0, ref w, n, h, out var a0r, out var a0i, out var a1r, out var a1i);
                Points(ref s0, ref w, n + stride, h, out var b0r, out var b0i, out var b1r, out var b1i);
                Points(ref s0, ref w, n + (2 * stride), h, out var c0r, out var c0i, out var c1r, out var c1i);
                Points(ref s0, ref w, n + (3 * stride), h, out var d0r, out var d0i, out var d1r, out var d1i);
                Butterfly(a0r, a0i, b0r, b0i, c0r, c0i, d0r, d0i, ref Unsafe.Add(ref tw, 6 * j), ref Unsafe.Add(ref re, j), ref Unsafe.Add(ref im, j), q);
                Butterfly(a1r, a1i, b1r, b1i, c1r, c1i, d1r, d1i, ref Unsafe.Add(ref tw, (6 * j) + 6), ref Unsafe.Add(ref re, j + 1), ref Unsafe.Add(ref im, j + 1), q);
            }
        }

        // Samples n..n+3 of the 8 frames, windowed: the complex points n/2 (x[n] + i·x[n+1]) and n/2 + 1.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Points(ref float s0, ref float w, int n, nuint h, out Vector<float> p0r, out Vector<float> p0i, out Vector<float> p1r, out Vector<float> p1i)
        {
            ref var first = ref Unsafe.Add(ref s0, n);
            var r0 = Row(ref first, 0, 0, h);
            var r1 = Row(ref first, 0, 1, h);
            var r2 = Row(ref first, 0, 2, h);
            var r3 = Row(ref first, 0, 3, h);
            var t0 = Avx.UnpackLow(r0, r1);
            var t1 = Avx.UnpackHigh(r0, r1);
            var t2 = Avx.UnpackLow(r2, r3);
            var t3 = Avx.UnpackHigh(r2, r3);
            ref var wn = ref Unsafe.Add(ref w, n);
            p0r = (Avx.Shuffle(t0, t2, 0x44) * wn).AsVector();
            p0i = (Avx.Shuffle(t0, t2, 0xEE) * Unsafe.Add(ref wn, 1)).AsVector();
            p1r = (Avx.Shuffle(t1, t3, 0x44) * Unsafe.Add(ref wn, 2)).AsVector();
            p1i = (Avx.Shuffle(t1, t3, 0xEE) * Unsafe.Add(ref wn, 3)).AsVector();
        }

        // Frame f's samples n..n+3 in the low half, frame f+4's in the high half.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> Row(ref float first, nuint n, nuint frame, nuint hop) =>
            Vector256.Create(Vector128.LoadUnsafe(ref first, n + (frame * hop)), Vector128.LoadUnsafe(ref first, n + ((frame + 4) * hop)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Butterfly(
            Vector<float> ar, Vector<float> ai, Vector<float> br, Vector<float> bi, Vector<float> cr, Vector<float> ci, Vector<float> dr, Vector<float> di,
            ref float tw, ref Vector<float> re, ref Vector<float> im, int q)
        {
            Radix4Twiddled(ar, ai, br, bi, cr, ci, dr, di, ref tw, out var y0r, out var y0i, out var y1r, out var y1i, out var y2r, out var y2i, out var y3r, out var y3i);
            Store4(ref re, ref im, q, y0r, y0i, y1r, y1i, y2r, y2i, y3r, y3i);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(ref Vector<float> re, ref Vector<float> im, int count)
        {
            var q = Length / 4;

            // j = 0, where t = 1: the butterflies without their three complex multiplies (all of the last, length-4 pass).
            ref var tw = ref _twiddles[0];
            for (var b = 0; b < count; b += Length)
            {
                Radix4InPlace(ref Unsafe.Add(ref re, b), ref Unsafe.Add(ref im, b), q, plain: true, ref tw);
            }

            for (var j = 1; j < q; j++)
            {
                for (var b = j; b < count; b += Length)
                {
                    Radix4InPlace(ref Unsafe.Add(ref re, b), ref Unsafe.Add(ref im, b), q, plain: false, ref Unsafe.Add(ref tw, 6 * j));
                }
            }
        }
    }
}
