using Orleans.Runtime;
using Orleans.Storage;

namespace MusicClustering.Reliability.Tests.Prototype;

/// <summary>
/// The Orleans-native ownership prototype (issue 13): the job's progress is grain state on blob storage
/// (<c>AddAzureBlobGrainStorage</c>, ETag concurrency) and the strongly consistent directory
/// (<c>AddDistributedGrainDirectory</c>) is what keeps one activation. There is no claim, heartbeat, lapse or
/// follower: an activation that finds unfinished progress resumes it, and one whose write is rejected stops.
/// </summary>
public sealed class PrototypeJobGrain(
    [PersistentState("job", OrleansNativeOwnershipTests.StorageName)] IPersistentState<PrototypeJobProgress> state,
    ILocalSiloDetails silo) : Grain, IPrototypeJobGrain
{
    public static readonly TimeSpan StepTime = TimeSpan.FromMilliseconds(200);

    private Task? _run;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && state.State.Done < state.State.Steps && !state.State.LostOwnership)
        {
            state.State = state.State with { ResumedFrom = state.State.Done };
            _run = RunAsync();
        }

        return Task.CompletedTask;
    }

    public async Task StartAsync(int steps, CancellationToken cancellationToken = default)
    {
        if (state.RecordExists)
        {
            return;
        }

        state.State = new PrototypeJobProgress(steps, 0, silo.Name, 0, false);
        await state.WriteStateAsync(cancellationToken);
        _run = RunAsync();
    }

    public Task<PrototypeJobProgress> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(state.State);

    private async Task RunAsync()
    {
        while (state.State.Done < state.State.Steps)
        {
            DelayDeactivation(TimeSpan.FromMinutes(5));
            await Task.Delay(StepTime);
            state.State = state.State with { Done = state.State.Done + 1, Silo = silo.Name };
            try
            {
                await state.WriteStateAsync();
            }
            catch (InconsistentStateException)
            {
                // Someone else wrote the job since we read it: we are the stale activation, so we stop.
                state.State = state.State with { LostOwnership = true };
                return;
            }
        }
    }
}
