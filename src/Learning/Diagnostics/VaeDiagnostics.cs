namespace MusicClustering.Learning;

/// <summary>Per-dimension KL, active units, total correlation and reconstruction error of a VAE's latent space.</summary>
public static class VaeDiagnostics
{
    /// <summary>A dimension is active when its encoder mean varies over the data by more than this (Burda et al.).</summary>
    public const double ActiveUnitThreshold = 0.01;

    /// <summary>Encodes raw rows (rows × Columns, row-major) with <paramref name="model"/> and diagnoses the latent space.</summary>
    public static VaeDiagnosticsReport Compute(VaeModelFile model, float[] rows)
    {
        var (means, logVars) = model.EncodeDistribution(rows);
        return FromLatents(means, logVars, rows.Length / model.Columns, model.LatentDim, model.ReconstructionError(rows));
    }

    /// <summary>Diagnoses given encoder outputs (each rows × latentDim, row-major).</summary>
    public static VaeDiagnosticsReport FromLatents(float[] means, float[] logVars, int rows, int latentDim, double reconstructionError = double.NaN)
    {
        if (rows <= 0 || means.Length != rows * latentDim || logVars.Length != means.Length)
        {
            throw new ArgumentException($"Expected {rows} × {latentDim} means and log-variances.");
        }

        var kl = new double[latentDim];
        var sum = new double[latentDim];
        for (var r = 0; r < rows; r++)
        {
            for (var d = 0; d < latentDim; d++)
            {
                double mu = means[(r * latentDim) + d];
                double logVar = logVars[(r * latentDim) + d];
                kl[d] += -0.5 * (1 + logVar - (mu * mu) - Math.Exp(logVar));
                sum[d] += mu;
            }
        }

        var variance = new double[latentDim];
        for (var r = 0; r < rows; r++)
        {
            for (var d = 0; d < latentDim; d++)
            {
                var deviation = means[(r * latentDim) + d] - (sum[d] / rows);
                variance[d] += deviation * deviation;
            }
        }

        for (var d = 0; d < latentDim; d++)
        {
            kl[d] /= rows;
            variance[d] /= rows;
        }

        var active = Enumerable.Range(0, latentDim).Where(d => variance[d] > ActiveUnitThreshold).ToArray();

        // Inactive dimensions are (near) constant and would make the covariance singular; TC is about the used ones.
        var totalCorrelation = GaussianTotalCorrelation.Compute(means, rows, latentDim, active);
        return new VaeDiagnosticsReport(kl, variance, active, totalCorrelation, reconstructionError);
    }
}
