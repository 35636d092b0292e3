namespace MusicClustering.Grains;

/// <summary>
/// An <see cref="IProgress{T}"/> that keeps only the newest report. Unlike <see cref="Progress{T}"/> it captures no
/// synchronisation context, so a training thread can report while the grain reads at its own pace.
/// </summary>
internal sealed class LatestValue<T> : IProgress<T>
    where T : class
{
    private T? _value;

    public T? Value => Volatile.Read(ref _value);

    public void Report(T value) => Volatile.Write(ref _value, value);
}
