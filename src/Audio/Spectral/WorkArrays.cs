namespace MusicClustering.Audio;

/// <summary>
/// Per-thread arrays reused from one analysis to the next, by slot name, so the hot path allocates only its results.
/// Arrays above <see cref="MaxRetainedBytes"/> are handed out but not kept, which bounds what an idle thread holds.
/// Contents are stale: callers overwrite everything they read. One slot per array alive at the same time.
/// </summary>
internal sealed class WorkArrays
{
    public const long MaxRetainedBytes = 48L << 20;

    [ThreadStatic]
    private static WorkArrays? _current;

    private readonly Dictionary<string, Array> _arrays = new(StringComparer.Ordinal);

    public static WorkArrays Current => _current ??= new WorkArrays();

    public T[] Get<T>(string slot, int length)
        where T : struct
    {
        if (_arrays.TryGetValue(slot, out var existing) && existing.Length >= length && existing is T[] typed)
        {
            return typed;
        }

        var array = new T[length];
        if ((long)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() <= MaxRetainedBytes)
        {
            _arrays[slot] = array;
        }
        else
        {
            _arrays.Remove(slot);
        }

        return array;
    }
}
