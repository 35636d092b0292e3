namespace MusicClustering.Contracts;

/// <summary>
/// Makes a <see cref="TrainingRequest"/> train a patch model (<see cref="PatchRepresentationModels"/>) on the tracks of
/// a patch manifest blob instead of a VAE on the matrix, with the spec's <see cref="PatchSpec"/> (null: the defaults);
/// the latents are then the pooled track embeddings.
/// </summary>
[GenerateSerializer, Immutable, Alias("mc.PatchTrainingRequest")]
public sealed record PatchTrainingRequest(
    [property: Id(0)] string Model,
    [property: Id(1)] BlobRef Manifest,
    [property: Id(2)] PatchSpec? Options = null);
