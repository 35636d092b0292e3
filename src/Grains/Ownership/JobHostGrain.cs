namespace MusicClustering.Grains.Ownership;

/// <summary>A grain that hosts an <see cref="OwnedJob{TStatus}"/>: it lends the job its timers and its lifetime.</summary>
public abstract class JobHostGrain : Grain, IJobHost
{
    // Interleaved: a heartbeat riding out a storage outage (the store retries for ~40 s) must not hold up status calls.
    IDisposable IJobHost.StartTimer(Func<CancellationToken, Task> tick, TimeSpan period) =>
        this.RegisterGrainTimer(tick, new GrainTimerCreationOptions(period, period) { Interleave = true });

    void IJobHost.KeepAlive(TimeSpan duration) => DelayDeactivation(duration);
}
