using TorchSharp;
using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>Per-row VAE loss: summed squared reconstruction error + β·KL(q(z|x) ‖ N(0, I)), both averaged over the batch.</summary>
internal static class VaeLoss
{
    public static (Tensor Total, Tensor Reconstruction, Tensor Kl) Compute(
        Tensor reconstruction, Tensor target, Tensor mean, Tensor logVar, double beta)
    {
        var recon = (reconstruction - target).pow(Scalars.Two).sum(1).mean();
        var kl = KlPerDimension(mean, logVar).sum(1).mean();
        using var betaScalar = beta.ToScalar();
        return (recon.add(kl.mul(betaScalar), Scalars.One), recon, kl);
    }

    /// <summary>Closed-form KL of N(μ, σ²) against N(0, 1), element-wise.</summary>
    public static Tensor KlPerDimension(Tensor mean, Tensor logVar) =>
        logVar.add(Scalars.One, Scalars.One).sub(mean.pow(Scalars.Two)).sub(logVar.exp()).mul(Scalars.MinusHalf);
}
