namespace MusicClustering.Contracts;

[GenerateSerializer, Alias("mc.ExperimentStage")]
public enum ExperimentStage
{
    Pending,
    Extracting,
    Training,
    Clustering,
    Reporting,
    Done,
    Failed,

    /// <summary>Stopped by <c>cluster cancel</c>; what it had computed (cached features, checkpoints) stays in storage.</summary>
    Cancelled,
}
