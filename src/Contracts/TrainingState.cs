namespace MusicClustering.Contracts;

[GenerateSerializer, Alias("mc.TrainingState")]
public enum TrainingState
{
    NotStarted,
    Running,
    Completed,
    Failed,
}
