namespace MusicClustering.Grains.Ownership;

/// <summary>What an <see cref="OwnedJob{TStatus}"/> needs from the activation that hosts it (<see cref="JobHostGrain"/>).</summary>
public interface IJobHost
{
    /// <summary>Calls <paramref name="tick"/> every <paramref name="period"/>, interleaved with the grain's calls, until disposed.</summary>
    IDisposable StartTimer(Func<CancellationToken, Task> tick, TimeSpan period);

    /// <summary>Keeps the activation for at least <paramref name="duration"/>: a job outlives the call that started it.</summary>
    void KeepAlive(TimeSpan duration);
}
