using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;

namespace MusicClustering.Grains.Messaging;

/// <inheritdoc cref="ISiloStatsGrain"/>
[RandomPlacement]
public sealed class SiloStatsGrain(ILocalSiloDetails silo, IServiceProvider services) : Grain, ISiloStatsGrain
{
    public Task<SiloStats> GetAsync()
    {
        using var process = Process.GetCurrentProcess();
        var messages = services.GetService<MessageSizeMonitor>()?.Snapshot();
        return Task.FromResult(new SiloStats(SiloIdentity.Describe(silo), process.WorkingSet64, process.PeakWorkingSet64, messages));
    }

    public Task SettleAsync()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return Task.CompletedTask;
    }

    public Task ResetAsync()
    {
        services.GetService<MessageSizeMonitor>()?.Reset();
        PeakRss.TryReset();
        return Task.CompletedTask;
    }
}
