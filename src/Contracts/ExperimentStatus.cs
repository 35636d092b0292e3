namespace MusicClustering.Contracts;

/// <summary>An experiment's progress: the stage, how far through it, and where the results are once done.</summary>
[GenerateSerializer, Immutable, Alias("mc.ExperimentStatus")]
public sealed record ExperimentStatus(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] ExperimentStage Stage,
    [property: Id(3)] int Done,
    [property: Id(4)] int Total,
    [property: Id(5)] string Message,
    [property: Id(6)] BlobRef? Results,
    [property: Id(7)] string? Error,
    [property: Id(8)] DateTimeOffset UpdatedAt)
{
    /// <summary>The silo whose activation runs the experiment (an Orleans silo address), while one does.</summary>
    [Id(9)]
    public string? Owner { get; init; }

    /// <summary>How many activations have owned this run: 1 for a run never interrupted, one more per takeover.</summary>
    [Id(10)]
    public int Claims { get; init; }

    public bool IsFinished => Stage is ExperimentStage.Done or ExperimentStage.Failed or ExperimentStage.Cancelled;
}
