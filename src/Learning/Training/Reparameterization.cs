using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>The VAE's sampling step, z = μ + σ·ε, which keeps the sample differentiable in μ and log σ².</summary>
internal static class Reparameterization
{
    public static Tensor Sample(Tensor mean, Tensor logVar, Generator? generator)
    {
        using var std = logVar.mul(Scalars.Half).exp();
        using var noise = randn(std.shape, std.dtype, std.device, generator: generator);
        return mean.add(std * noise, Scalars.One);
    }
}
