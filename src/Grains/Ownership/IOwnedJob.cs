namespace MusicClustering.Grains.Ownership;

/// <summary>The job-specific parts of an <see cref="OwnedJob{TStatus}"/>: its description and its run.</summary>
public interface IOwnedJob<TStatus>
{
    /// <summary>How logs name the job, e.g. "Experiment e1" or "Training run r1".</summary>
    string Name { get; }

    /// <summary>Where the job stands, for logs: "Extracting", "epoch 12".</summary>
    string Phase(TStatus status);

    /// <summary>
    /// Runs the job to its end, from the start or resuming; returns the finished status. Throws
    /// <see cref="OperationCanceledException"/> when stopped (deactivation, or the claim was lost).
    /// </summary>
    Task<TStatus> RunAsync(bool resumed, CancellationToken cancellationToken);

    /// <summary>The status of a run that failed with <paramref name="error"/>.</summary>
    TStatus Failed(TStatus status, Exception error);

    /// <summary>
    /// The status to take an interrupted job over with, or Resumable false (and the status to show) when it cannot
    /// be resumed.
    /// </summary>
    Task<(TStatus Status, bool Resumable)> PrepareTakeOverAsync(TStatus stored, CancellationToken cancellationToken);

    /// <summary>The owner's status with what only the running activation knows (live progress).</summary>
    TStatus Live(TStatus status) => status;

    /// <summary>How a follower shows the stored status of an owner it does not take over.</summary>
    TStatus Following(TStatus stored, bool ownerIsActive) => stored;

    /// <summary>
    /// Whether someone asked the job to stop (e.g. <c>cluster cancel</c> from another process); the owner asks at every
    /// heartbeat, and a storage failure reads as "not yet".
    /// </summary>
    Task<bool> IsStopRequestedAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>The final status of a job stopped on request.</summary>
    TStatus Stopped(TStatus status) => status;
}
