namespace MusicClustering.Learning;

/// <summary>Outcome of a finished training run.</summary>
/// <param name="LatentMeans">Rows × <paramref name="LatentDim"/>, row-major: the encoder means of the training rows (empty when they went to <see cref="VaeTrainingInput.Latents"/>).</param>
/// <param name="ModelBytes">Model + scaler + options, loadable with <see cref="VaeModelFile.Load"/>.</param>
/// <param name="FinalReconstructionError">Summed squared error per row (standardised units) decoding the means, averaged over rows.</param>
public sealed record VaeTrainingResult(
    float[] LatentMeans,
    int LatentDim,
    IReadOnlyList<EpochProgress> History,
    byte[] ModelBytes,
    string Device,
    double FinalReconstructionError);
