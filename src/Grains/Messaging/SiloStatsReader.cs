using Orleans.Runtime.Placement;
using Orleans.Runtime;

namespace MusicClustering.Grains.Messaging;

/// <summary>Asks every active silo for its <see cref="SiloStats"/>, pinning one stats grain to each with a placement hint.</summary>
public static class SiloStatsReader
{
    public static async Task<IReadOnlyList<SiloStats>> ReadAllAsync(IGrainFactory grains) =>
        await Task.WhenAll((await SilosAsync(grains)).Select(s => Call(grains, s, g => g.GetAsync())));

    public static Task ResetAsync(IGrainFactory grains) => OnEverySiloAsync(grains, g => g.ResetAsync());

    /// <summary>Runs <see cref="ISiloStatsGrain.SettleAsync"/> (a full compacting collection) on every silo.</summary>
    public static Task SettleAllAsync(IGrainFactory grains) => OnEverySiloAsync(grains, g => g.SettleAsync());

    private static async Task OnEverySiloAsync(IGrainFactory grains, Func<ISiloStatsGrain, Task> action) =>
        await Task.WhenAll((await SilosAsync(grains)).Select(s => Call(grains, s, async g =>
        {
            await action(g);
            return true;
        })));

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
