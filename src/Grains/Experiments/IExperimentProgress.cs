using MusicClustering.Contracts;
using MusicClustering.Grains.Ownership;

namespace MusicClustering.Grains.Experiments;

/// <summary>Where a running <see cref="ExperimentPipeline"/> reports: stage changes are persisted, progress only noted.</summary>
internal interface IExperimentProgress
{
    /// <summary>Enters a stage and persists the status. Throws <see cref="OwnershipLostException"/> when the run is no longer ours.</summary>
    Task EnterAsync(ExperimentStage stage, string message, int total = 0);

    /// <summary>Notes progress within the stage; the owner's next heartbeat persists it.</summary>
    void Report(int done, string? message = null);
}
