namespace MusicClustering.Audio;

/// <summary>
/// The centred signal librosa frames, [pad | signal | pad] with zeros or numpy 'reflect', read window by window: a
/// batch whose frames lie inside the signal reads the signal itself, and only the few batches at the edges are copied
/// into scratch with their padding, so the signal is never copied whole.
/// </summary>
internal readonly ref struct PaddedSignal(ReadOnlySpan<float> signal, int pad)
{
    private readonly ReadOnlySpan<float> _signal = signal;

    public int Pad { get; } = pad;

    public int Length => _signal.Length;

    /// <summary>True when padded samples [start, start + count) all lie inside the signal.</summary>
    public bool IsInside(int start, int count) => start >= Pad && start + count <= Pad + _signal.Length;

    /// <summary>
    /// The padded samples [start, start + count): a slice of the signal when inside it, else <paramref name="scratch"/>
    /// filled with the padding of <paramref name="mode"/> (zeros past the padding).
    /// </summary>
    public ReadOnlySpan<float> Window(int start, int count, PadMode mode, Span<float> scratch)
    {
        if (IsInside(start, count))
        {
            return _signal.Slice(start - Pad, count);
        }

        var n = _signal.Length;
        for (var i = 0; i < count; i++)
        {
            var index = start + i - Pad;
            scratch[i] = index >= 0 && index < n ? _signal[index]
                : mode == PadMode.Reflect && index >= -Pad && index < n + Pad ? _signal[Reflect(index, n)]
                : 0f;
        }

        return scratch[..count];
    }

    // numpy 'reflect' (mirror without repeating the edge sample), periodic for pads longer than the signal.
    private static int Reflect(int index, int length)
    {
        if (length == 1)
        {
            return 0;
        }

        var period = 2 * (length - 1);
        index = ((index % period) + period) % period;
        return index < length ? index : period - index;
    }
}
