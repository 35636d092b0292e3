namespace MusicClustering.Contracts;

/// <summary>What an experiment runs: the dataset, the features, the model and the clustering.</summary>
[GenerateSerializer, Immutable, Alias("mc.ExperimentSpec")]
public sealed record ExperimentSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string Dataset,
    [property: Id(2)] string FeatureConfig = "stats",
    [property: Id(3)] string Model = "vae",
    [property: Id(4)] int LatentDim = 16,
    [property: Id(5)] double Beta = 1.0,
    [property: Id(6)] int Epochs = 50,
    [property: Id(7)] int K = 10,
    [property: Id(8)] int Seed = 0,
    [property: Id(9)] int BatchSize = 32,
    [property: Id(10)] double LearningRate = 1e-3);
