namespace MusicClustering.Contracts;

/// <summary>One experiment, keyed by id: extract, train, cluster, score and report.</summary>
[Alias("mc.IExperimentGrain")]
public interface IExperimentGrain : IGrainWithStringKey
{
    /// <summary>Starts the experiment and returns at once; a second start with the same id is a no-op.</summary>
    [Alias("Start")]
    Task<ExperimentStatus> StartAsync(ExperimentSpec spec, CancellationToken cancellationToken = default);

    /// <summary>The experiment's status, or null when no experiment has this id.</summary>
    [Alias("GetStatus")]
    Task<ExperimentStatus?> GetStatusAsync(CancellationToken cancellationToken = default);
}
