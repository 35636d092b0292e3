using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Learning;

namespace MusicClustering.Experiments;

/// <summary>
/// Trains a VAE representation in this process, without a cluster: what <c>cluster evaluate</c> uses for feature
/// tables. The experiment grain uses trainer grains instead.
/// </summary>
public static class LocalTraining
{
    public static BuiltRepresentation Train(PlannedRepresentation plan, TrainingSpec training, float[] data, int rows, int cols, CancellationToken cancellationToken)
    {
        TorchNativeLoader.EnsureLoaded();
        var options = new VaeOptions
        {
            HiddenSizes = training.EffectiveHiddenSizes,
            LatentDim = plan.Spec.Dimensions,
            Beta = plan.Spec.Beta,
            Epochs = training.Epochs,
            BatchSize = training.BatchSize,
            LearningRate = training.LearningRate,
            KlWarmupEpochs = training.KlWarmupEpochs,
            Seed = plan.Seed,
        };
        var result = new VaeTrainer().Train(new VaeTrainingInput(data, rows, cols), options, null, cancellationToken);
        var last = result.History[^1];
        var status = new TrainingStatus(
            TrainingState.Completed, last.Epoch, training.Epochs, last.Loss, last.Reconstruction, last.Kl, result.Device, "in-process", null, null, null);
        return new BuiltRepresentation(plan, FeatureSpace.FromRowMajor(result.LatentMeans, rows, result.LatentDim), status, null, new Dictionary<string, string>());
    }
}
