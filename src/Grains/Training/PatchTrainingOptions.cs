using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Learning;

namespace MusicClustering.Grains.Training;

/// <summary>
/// A patch model's options from a training request: epochs, learning rate, seed, β and KL warm-up (conv-vae) and the
/// checkpoint interval come from the spec, and so does every field its <c>patches</c> section sets
/// (<see cref="PatchSpecOptions"/>); the rest stay at their measured defaults.
/// </summary>
internal static class PatchTrainingOptions
{
    public static PatchModelOptions From(TrainingRequest request, PatchTrainingRequest patches, int torchThreads, string device) => PatchSpecOptions.Apply(new()
    {
        Kind = patches.Model == PatchRepresentationModels.Contrastive ? PatchModelKind.Contrastive : PatchModelKind.ConvVae,
        Beta = request.Beta,
        KlWarmupEpochs = request.KlWarmupEpochs,
        Epochs = request.Epochs,
        LearningRate = request.LearningRate,
        Seed = request.Seed,
        CheckpointEveryEpochs = request.CheckpointEveryEpochs,
        TorchThreads = torchThreads,
        Device = device,
    }, patches.Options);
}
