namespace MusicClustering.Audio;

/// <summary>A growable first-in first-out run of samples (produced by one stage, taken by the next).</summary>
public sealed class SampleQueue
{
    private float[] _items = new float[1 << 14];
    private int _start;
    private int _count;

    public int Count => _count;

    public void Add(float value)
    {
        if (_start + _count == _items.Length)
        {
            Compact(_count + 1);
        }

        _items[_start + _count++] = value;
    }

    public void AddRange(ReadOnlySpan<float> values)
    {
        if (_start + _count + values.Length > _items.Length)
        {
            Compact(_count + values.Length);
        }

        values.CopyTo(_items.AsSpan(_start + _count));
        _count += values.Length;
    }

    /// <summary>Moves up to <c>destination.Length</c> samples out; returns how many.</summary>
    public int Take(Span<float> destination)
    {
        var n = Math.Min(destination.Length, _count);
        _items.AsSpan(_start, n).CopyTo(destination);
        _start += n;
        _count -= n;
        if (_count == 0)
        {
            _start = 0;
        }

        return n;
    }

    private void Compact(int needed)
    {
        if (needed > _items.Length)
        {
            var grown = new float[Math.Max(needed, 2 * _items.Length)];
            _items.AsSpan(_start, _count).CopyTo(grown);
            _items = grown;
        }
        else
        {
            _items.AsSpan(_start, _count).CopyTo(_items);
        }

        _start = 0;
    }
}
