using System.Numerics;
using System.Runtime.CompilerServices;

namespace MusicClustering.Audio;

/// <summary>
/// scipy.ndimage.median_filter along one axis with mode 'reflect' (half-sample symmetric: … x1 x0 | x0 x1 …), for
/// <see cref="Vector{T}.Count"/> independent series at once (lane = series). The window is kept sorted per lane; each
/// step deletes the value leaving and inserts the one arriving in one branchless pass over the window, so a step costs
/// about five vector operations per window position whatever the data.
/// </summary>
internal static class SlidingMedian
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(ReadOnlySpan<Vector<float>> input, int size, Span<Vector<float>> output, Span<Vector<float>> window)
    {
        var n = input.Length;
        var radius = size / 2;
        var sorted = window[..size];
        for (var i = 0; i < size; i++)
        {
            Insert(sorted[..(i + 1)], input[Reflect(i - radius, n)]);
        }

        output[0] = sorted[radius];
        for (var t = 1; t < n; t++)
        {
            Replace(sorted, input[Reflect(t - radius - 1, n)], input[Reflect(t + radius, n)]);
            output[t] = sorted[radius];
        }
    }

    // The first count − 1 entries are sorted; the new value bubbles into place from the end.
    private static void Insert(Span<Vector<float>> sorted, Vector<float> value)
    {
        var last = sorted.Length - 1;
        sorted[last] = value;
        for (var i = last; i > 0; i--)
        {
            var low = Vector.Min(sorted[i - 1], sorted[i]);
            sorted[i] = Vector.Max(sorted[i - 1], sorted[i]);
            sorted[i - 1] = low;
        }
    }

    // Deleting `old` shifts the entries above it down: d[i] = w[i] < old ? w[i] : w[i+1] (any copy of old will do).
    // Inserting `value` into d: w'[i] = max(d[i−1], min(d[i], value)), with d[−1] = −∞ and d[size−1] = +∞. Computed in
    // place: d[i] reads w[i] and w[i+1] before w[i] is overwritten.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Replace(Span<Vector<float>> w, Vector<float> old, Vector<float> value)
    {
        ref var first = ref w[0];
        var previous = new Vector<float>(float.NegativeInfinity);
        var last = w.Length - 1;
        for (var i = 0; i < last; i++)
        {
            ref var current = ref Unsafe.Add(ref first, i);
            var d = Vector.ConditionalSelect(Vector.LessThan(current, old), current, Unsafe.Add(ref first, i + 1));
            current = Vector.Max(previous, Vector.Min(d, value));
            previous = d;
        }

        Unsafe.Add(ref first, last) = Vector.Max(previous, value);
    }

    private static int Reflect(int index, int length)
    {
        var period = 2 * length;
        index %= period;
        if (index < 0)
        {
            index += period;
        }

        return index < length ? index : period - 1 - index;
    }
}
