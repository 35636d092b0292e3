using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// Contrastive encoder: the shared trunk → a linear representation (the embedding), and a projection head
/// (ReLU → linear) that only the NT-Xent loss sees, as in SimCLR.
/// </summary>
internal sealed class ContrastiveModel : nn.Module<Tensor, Tensor>
{
    private readonly ConvTrunk _trunk;
    private readonly Linear _representation;
    private readonly Sequential _projection;

    public ContrastiveModel(int bands, PatchModelOptions options)
        : base(nameof(ContrastiveModel))
    {
        _trunk = new ConvTrunk(bands, options);
        _representation = nn.Linear(options.HiddenWidth, options.EmbeddingDim);
        _projection = nn.Sequential(("relu", nn.ReLU()), ("linear", nn.Linear(options.EmbeddingDim, options.ProjectionDim)));
        RegisterComponents();
    }

    public Tensor Represent(Tensor patches)
    {
        using var hidden = _trunk.forward(patches);
        return _representation.forward(hidden);
    }

    /// <summary>The projection the loss compares.</summary>
    public override Tensor forward(Tensor patches)
    {
        using var representation = Represent(patches);
        return _projection.forward(representation);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _trunk.Dispose();
            _representation.Dispose();
            _projection.Dispose();
        }

        base.Dispose(disposing);
    }
}
