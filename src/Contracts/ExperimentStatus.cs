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
    public bool IsFinished => Stage is ExperimentStage.Done or ExperimentStage.Failed;
}
