using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// What every VAE here shares: an encoder to (mean, log-variance), a decoder, and the forward pass that decodes a
/// reparameterised sample drawn from the module's own generator.
/// </summary>
internal abstract class VariationalModule(string name) : nn.Module<Tensor, (Tensor Reconstruction, Tensor Mean, Tensor LogVar)>(name)
{
    /// <summary>
    /// Source of the reparameterisation noise. A per-run generator keeps concurrent trainings in one process
    /// independent and reproducible; null falls back to torch's global generator.
    /// </summary>
    public Generator? NoiseGenerator { get; set; }

    public abstract (Tensor Mean, Tensor LogVar) Encode(Tensor x);

    public abstract Tensor Decode(Tensor z);

    public override (Tensor Reconstruction, Tensor Mean, Tensor LogVar) forward(Tensor x)
    {
        var (mean, logVar) = Encode(x);
        using var z = Reparameterization.Sample(mean, logVar, NoiseGenerator);
        return (Decode(z), mean, logVar);
    }
}
