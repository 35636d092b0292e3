using MusicClustering.Contracts;
using MusicClustering.Learning;

namespace MusicClustering.Grains.Training;

internal static class TrainingOptions
{
    public static VaeOptions From(TrainingRequest request, int torchThreads, string device) => new()
    {
        HiddenSizes = request.HiddenSizes,
        LatentDim = request.LatentDim,
        Beta = request.Beta,
        KlWarmupEpochs = request.KlWarmupEpochs,
        Epochs = request.Epochs,
        BatchSize = request.BatchSize,
        LearningRate = request.LearningRate,
        Seed = request.Seed,
        CheckpointEveryEpochs = request.CheckpointEveryEpochs,
        TorchThreads = torchThreads,
        Device = device,
    };
}
