namespace MusicClustering.Learning;

/// <summary>Outcome of a finished patch-model training run.</summary>
/// <param name="Embeddings">Tracks × <paramref name="Dimension"/>, row-major, in the source's track order (pooled patch embeddings).</param>
/// <param name="ModelBytes">Loadable with <see cref="PatchModelFile.Load(byte[])"/>.</param>
public sealed record PatchModelResult(
    float[] Embeddings,
    int Tracks,
    int Dimension,
    IReadOnlyList<EpochProgress> History,
    byte[] ModelBytes,
    string Device);
