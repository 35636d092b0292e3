namespace MusicClustering.Contracts;

/// <summary>A training run, keyed by run id. Training happens on a dedicated thread; callers poll the status.</summary>
[Alias("mc.ITrainerGrain")]
public interface ITrainerGrain : IGrainWithStringKey
{
    /// <summary>Starts training and returns at once. Starting an already started run is a no-op.</summary>
    [Alias("Start")]
    Task StartAsync(TrainingRequest request, CancellationToken cancellationToken = default);

    [Alias("GetStatus")]
    Task<TrainingStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
