using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// The contrastive views' augmentations on dB patches [N, 1, bands, frames], drawn per view from the run's generator:
/// gain (a constant dB offset), spectral tilt (an offset linear in the band index, zero at the middle band) and
/// Gaussian noise. Time shift comes from the plan: each view is a crop at its own random start frame.
/// </summary>
internal static class SpectrogramAugmentation
{
    public static Tensor Apply(Tensor patches, PatchModelOptions options, Generator? generator)
    {
        var count = patches.shape[0];
        var bands = patches.shape[2];
        var device = patches.device;
        Tensor Uniform(double halfWidth) =>
            rand([count, 1, 1, 1], generator: generator, device: device).mul(Scalars.Two).sub(Scalars.One).mul(Scalars.Of(halfWidth));

        var gain = Uniform(options.GainDb);
        var tilt = Uniform(options.TiltDb) * linspace(-0.5, 0.5, bands, device: device).view(1, 1, bands, 1);
        var sigma = rand([count, 1, 1, 1], generator: generator, device: device).mul(Scalars.Of(options.NoiseDb));
        var noise = randn(patches.shape, generator: generator, device: device) * sigma;
        return patches.add(gain, Scalars.One).add(tilt, Scalars.One).add(noise, Scalars.One);
    }
}
