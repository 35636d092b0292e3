using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// The shared encoder of both patch models: [N, 1, bands, frames] → stride-2 3×3 convolutions with batch norm and
/// ReLU, each halving both axes → flatten → dense layer with ReLU → [N, HiddenWidth].
/// </summary>
internal sealed class ConvTrunk : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    public ConvTrunk(int bands, PatchModelOptions options)
        : base(nameof(ConvTrunk))
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var channels = 1;
        for (var i = 0; i < options.Channels.Count; i++)
        {
            layers.Add(($"conv{i}", nn.Conv2d(channels, options.Channels[i], 3, stride: 2, padding: 1)));
            layers.Add(($"norm{i}", nn.BatchNorm2d(options.Channels[i])));
            layers.Add(($"relu{i}", nn.ReLU()));
            channels = options.Channels[i];
        }

        var shrink = 1 << options.Channels.Count;
        FlatWidth = channels * (bands / shrink) * (options.PatchFrames / shrink);
        layers.Add(("flatten", nn.Flatten()));
        layers.Add(("dense", nn.Linear(FlatWidth, options.HiddenWidth)));
        layers.Add(("relu", nn.ReLU()));
        _layers = nn.Sequential(layers);
        RegisterComponents();
    }

    /// <summary>Values the last convolution emits per patch.</summary>
    public long FlatWidth { get; }

    public override Tensor forward(Tensor patches) => _layers.forward(patches);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _layers.Dispose();
        }

        base.Dispose(disposing);
    }
}
