using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// A patch model with what it needs around it (band scaler, random generator): its training loss on a batch of dB
/// patches and its per-patch embedding. One subclass per <see cref="PatchModelKind"/>.
/// </summary>
internal abstract class PatchNetwork : IDisposable
{
    protected PatchNetwork(PatchModelOptions options, PatchNormalizer normalizer, Generator? generator)
    {
        Options = options;
        Normalizer = normalizer;
        Generator = generator;
    }

    public PatchModelOptions Options { get; }

    public PatchNormalizer Normalizer { get; }

    public abstract nn.Module Module { get; }

    protected Generator? Generator { get; }

    public static PatchNetwork Create(int bands, PatchModelOptions options, PatchNormalizer normalizer, Generator? generator) =>
        options.Kind switch
        {
            PatchModelKind.ConvVae => new ConvVaeNetwork(bands, options, normalizer, generator),
            PatchModelKind.Contrastive => new ContrastiveNetwork(bands, options, normalizer, generator),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "unknown patch model"),
        };

    /// <summary>Loss terms of one training batch of raw dB patches [N, 1, bands, frames] (see <see cref="EpochProgress"/>).</summary>
    public abstract (Tensor Total, Tensor Reconstruction, Tensor Kl) Loss(Tensor patches, int epoch);

    /// <summary>Per-patch embeddings [N, EmbeddingDim] of raw dB patches (call in eval mode, without gradients).</summary>
    public abstract Tensor Embed(Tensor patches);

    public void Dispose()
    {
        Module.Dispose();
        Normalizer.Dispose();
    }
}

internal sealed class ConvVaeNetwork : PatchNetwork
{
    private readonly ConvVaeModel _model;

    public ConvVaeNetwork(int bands, PatchModelOptions options, PatchNormalizer normalizer, Generator? generator)
        : base(options, normalizer, generator) => _model = new ConvVaeModel(bands, options) { NoiseGenerator = generator };

    public override nn.Module Module => _model;

    public ConvVaeModel Model => _model;

    public override (Tensor Total, Tensor Reconstruction, Tensor Kl) Loss(Tensor patches, int epoch)
    {
        var x = Normalizer.Apply(patches);
        var (reconstruction, mean, logVar) = _model.forward(x);
        return VaeLoss.Compute(reconstruction.flatten(1), x.flatten(1), mean, logVar, Options.BetaAt(epoch));
    }

    public override Tensor Embed(Tensor patches)
    {
        var (mean, logVar) = _model.Encode(Normalizer.Apply(patches));
        logVar.Dispose();
        return mean;
    }
}

internal sealed class ContrastiveNetwork : PatchNetwork
{
    private readonly ContrastiveModel _model;

    public ContrastiveNetwork(int bands, PatchModelOptions options, PatchNormalizer normalizer, Generator? generator)
        : base(options, normalizer, generator) => _model = new ContrastiveModel(bands, options);

    public override nn.Module Module => _model;

    public override (Tensor Total, Tensor Reconstruction, Tensor Kl) Loss(Tensor patches, int epoch)
    {
        var views = Normalizer.Apply(SpectrogramAugmentation.Apply(patches, Options, Generator));
        var loss = NtXentLoss.Compute(_model.forward(views), Options.Temperature);
        return (loss, loss, zeros_like(loss));
    }

    public override Tensor Embed(Tensor patches) => _model.Represent(Normalizer.Apply(patches));
}
