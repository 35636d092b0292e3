using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>Per-band standardisation of [N, 1, bands, frames] dB patches on the model's device.</summary>
internal sealed class PatchNormalizer : IDisposable
{
    private readonly Tensor _mean;
    private readonly Tensor _scale;

    public PatchNormalizer(FeatureScaler scaler, Device device)
    {
        Scaler = scaler;
        _mean = tensor(scaler.Mean, [1, 1, scaler.Columns, 1]).to(device).DetachFromDisposeScope();
        _scale = tensor(scaler.Scale, [1, 1, scaler.Columns, 1]).to(device).DetachFromDisposeScope();
    }

    public FeatureScaler Scaler { get; }

    public Tensor Apply(Tensor patches) => (patches - _mean) / _scale;

    public void Dispose()
    {
        _mean.Dispose();
        _scale.Dispose();
    }
}
