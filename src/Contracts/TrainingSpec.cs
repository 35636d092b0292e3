namespace MusicClustering.Contracts;

/// <summary>How VAEs of an experiment are trained.</summary>
[GenerateSerializer, Immutable, Alias("mc.TrainingSpec")]
public sealed record TrainingSpec(
    [property: Id(0)] int Epochs = 50,
    [property: Id(1)] int BatchSize = 32,
    [property: Id(2)] double LearningRate = 1e-3,
    [property: Id(3)] int KlWarmupEpochs = 0,
    [property: Id(4)] int[]? HiddenSizes = null)
{
    public int[] EffectiveHiddenSizes => HiddenSizes is { Length: > 0 } sizes ? sizes : [512, 256];
}
