namespace MusicClustering.Learning;

/// <summary>Latent-space health of a trained VAE over a data set.</summary>
/// <param name="KlPerDimension">KL(q(z_d|x) ‖ N(0,1)) per latent dimension, averaged over rows.</param>
/// <param name="LatentMeanVariance">Variance over rows of each dimension's encoder mean (ddof 0).</param>
/// <param name="ActiveDimensions">Dimensions whose mean varies by more than <see cref="VaeDiagnostics.ActiveUnitThreshold"/>.</param>
/// <param name="TotalCorrelation">Gaussian total correlation of the latent means over the active dimensions, in nats.</param>
/// <param name="ReconstructionError">Summed squared error per row (standardised units) decoding the means, averaged over rows; NaN when not computed.</param>
public sealed record VaeDiagnosticsReport(
    IReadOnlyList<double> KlPerDimension,
    IReadOnlyList<double> LatentMeanVariance,
    IReadOnlyList<int> ActiveDimensions,
    double TotalCorrelation,
    double ReconstructionError)
{
    public int ActiveUnits => ActiveDimensions.Count;

    public double TotalKl => KlPerDimension.Sum();
}
