using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// Convolutional VAE over standardised log-mel patches: the shared trunk → (mean, log-variance); the decoder mirrors
/// the convolutions with stride-2 4×4 transposed convolutions back to [N, 1, bands, frames] (linear output).
/// </summary>
internal sealed class ConvVaeModel : VariationalModule
{
    private readonly ConvTrunk _trunk;
    private readonly Linear _mean;
    private readonly Linear _logVar;
    private readonly Sequential _decoder;

    public ConvVaeModel(int bands, PatchModelOptions options)
        : base(nameof(ConvVaeModel))
    {
        _trunk = new ConvTrunk(bands, options);
        _mean = nn.Linear(options.HiddenWidth, options.EmbeddingDim);
        _logVar = nn.Linear(options.HiddenWidth, options.EmbeddingDim);

        var channels = options.Channels;
        var shrink = 1 << channels.Count;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("dense", nn.Linear(options.EmbeddingDim, _trunk.FlatWidth)),
            ("relu", nn.ReLU()),
            ("unflatten", nn.Unflatten(1, [channels[^1], bands / shrink, options.PatchFrames / shrink])),
        };
        for (var i = channels.Count - 1; i >= 0; i--)
        {
            var output = i == 0 ? 1 : channels[i - 1];
            layers.Add(($"deconv{i}", nn.ConvTranspose2d(channels[i], output, 4, stride: 2, padding: 1)));
            if (i > 0)
            {
                layers.Add(($"relu{i}", nn.ReLU()));
            }
        }

        _decoder = nn.Sequential(layers);
        RegisterComponents();
    }

    public override (Tensor Mean, Tensor LogVar) Encode(Tensor patches)
    {
        using var hidden = _trunk.forward(patches);
        return (_mean.forward(hidden), _logVar.forward(hidden));
    }

    public override Tensor Decode(Tensor z) => _decoder.forward(z);


    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _trunk.Dispose();
            _mean.Dispose();
            _logVar.Dispose();
            _decoder.Dispose();
        }

        base.Dispose(disposing);
    }
}
