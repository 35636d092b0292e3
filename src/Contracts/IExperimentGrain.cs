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

    /// <summary>
    /// Stops the run and marks it <see cref="ExperimentStage.Cancelled"/>: at once when this activation owns it, else at
    /// the owner's next heartbeat. A finished experiment stays as it is. Returns the status after the request, or null
    /// when no experiment has this id.
    /// </summary>
    [Alias("Cancel")]
    Task<ExperimentStatus?> CancelAsync(CancellationToken cancellationToken = default);
}
