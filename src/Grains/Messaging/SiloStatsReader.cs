using Orleans.Runtime.Placement;
using Orleans.Runtime;

namespace MusicClustering.Grains.Messaging;

/// <summary>Asks every active silo for its <see cref="SiloStats"/>, pinning one stats grain to each with a placement hint.</summary>
public static class SiloStatsReader
{
    public static async Task<IReadOnlyList<SiloStats>> ReadAllAsync(IGrainFactory grains) =>
        await Task.WhenAll((await SilosAsync(grains)).Select(s => Call(grains, s, g => g.GetAsync())));

    public static async Task ResetAsync(IGrainFactory grains) =>
        await Task.WhenAll((await SilosAsync(grains)).Select(s => Call(grains, s, async g =>
        {
            await g.ResetAsync();
            return true;
        })));

    /// <summary>Each silo's working set after a full compacting collection (<see cref="ISiloStatsGrain.SettleAsync"/>), by silo name.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> SettleAllAsync(IGrainFactory grains)
    {
        var silos = await SilosAsync(grains);
        var settled = await Task.WhenAll(silos.Select(s => Call(grains, s, async g => (Stats: await g.GetAsync(), Rss: await g.SettleAsync()))));
        return settled.ToDictionary(s => s.Stats.Silo, s => s.Rss);
    }

    private static async Task<SiloAddress[]> SilosAsync(IGrainFactory grains) =>
        (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Keys.ToArray();

    private static async Task<T> Call<T>(IGrainFactory grains, SiloAddress silo, Func<ISiloStatsGrain, Task<T>> call)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        try
        {
            return await call(grains.GetGrain<ISiloStatsGrain>(silo.ToParsableString()));
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }
}
