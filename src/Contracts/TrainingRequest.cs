namespace MusicClustering.Contracts;

/// <summary>
/// Trains a VAE on a matrix blob (rows = tracks). Small by design: the data stays in storage. The pictures go where
/// the caller's report wants them (by default beside the model).
/// </summary>
[GenerateSerializer, Immutable, Alias("mc.TrainingRequest")]
public sealed record TrainingRequest(
    [property: Id(0)] BlobRef Matrix,
    [property: Id(1)] int LatentDim,
    [property: Id(2)] int[] HiddenSizes,
    [property: Id(3)] double Beta,
    [property: Id(4)] int Epochs,
    [property: Id(5)] int BatchSize,
    [property: Id(6)] double LearningRate,
    [property: Id(7)] int Seed,
    [property: Id(8)] int CheckpointEveryEpochs = 5,
    [property: Id(9)] int KlWarmupEpochs = 0,
    [property: Id(10)] BlobRef? LossCurve = null,
    [property: Id(11)] BlobRef? Traversal = null)
{
    /// <summary>Set for a patch model: what to train on instead of <see cref="Matrix"/>.</summary>
    [Id(12)]
    public PatchTrainingRequest? Patches { get; init; }

    /// <summary>
    /// A blob whose appearance stops the run where it stands (an experiment passes its cancel request), checked by the
    /// run's owner at every heartbeat on whichever silo it trains.
    /// </summary>
    [Id(13)]
    public BlobRef? StopRequest { get; init; }
}
