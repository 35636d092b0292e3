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
}
