using MusicClustering.Contracts;

namespace MusicClustering.Grains.Training;

/// <summary>One attempt at a training run, whatever the model: its live progress for the status.</summary>
internal interface ITrainingAttempt
{
    /// <summary>The given status with this attempt's live progress folded in; safe to call while training.</summary>
    TrainingStatus Describe(TrainingStatus status);
}
