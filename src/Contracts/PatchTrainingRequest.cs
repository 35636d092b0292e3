namespace MusicClustering.Contracts;

/// <summary>
/// Makes a <see cref="TrainingRequest"/> train a patch model (<see cref="PatchRepresentationModels"/>) on the tracks of
/// a patch manifest blob instead of a VAE on the matrix; the latents are then the pooled track embeddings.
/// </summary>
[GenerateSerializer, Immutable, Alias("mc.PatchTrainingRequest")]
public sealed record PatchTrainingRequest(
    [property: Id(0)] string Model,
    [property: Id(1)] BlobRef Manifest);
