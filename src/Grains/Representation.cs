using MusicClustering.Contracts;

namespace MusicClustering.Grains;

/// <summary>The matrix an experiment clusters (features or latents), with where it is stored.</summary>
internal sealed record Representation(BlobRef Blob, float[] Data, int Rows, int Cols, TrainingStatus? Training);
