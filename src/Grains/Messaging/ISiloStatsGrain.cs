namespace MusicClustering.Grains.Messaging;

/// <summary>
/// Reports the statistics of the silo it is activated on. Keyed by silo address and placed with a placement hint
/// (see <see cref="SiloStatsReader"/>), so there is one per silo.
/// </summary>
[Alias("mc.ISiloStatsGrain")]
public interface ISiloStatsGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<SiloStats> GetAsync();

    /// <summary>Forgets the largest messages and the peak RSS seen so far, so the next measurement covers one run.</summary>
    [Alias("Reset")]
    Task ResetAsync();

    /// <summary>
    /// Runs a full, compacting garbage collection that returns free memory to the OS, so the process's resident memory
    /// shows what the silo really retains, not garbage a lazy collector happens to be holding. For leak checks.
    /// </summary>
    [Alias("Settle")]
    Task SettleAsync();
}
