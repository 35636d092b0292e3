using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>Fully connected VAE: input → hidden… (ReLU) → (mean, log-variance); the decoder mirrors the encoder.</summary>
internal sealed class VaeModel : VariationalModule
{
    private readonly Sequential _encoder;
    private readonly Linear _mean;
    private readonly Linear _logVar;
    private readonly Sequential _decoder;

    public VaeModel(int inputDim, IReadOnlyList<int> hiddenSizes, int latentDim)
        : base(nameof(VaeModel))
    {
        _encoder = nn.Sequential(Stack([inputDim, .. hiddenSizes], reluAfterLast: true));
        _mean = nn.Linear(hiddenSizes[^1], latentDim);
        _logVar = nn.Linear(hiddenSizes[^1], latentDim);
        _decoder = nn.Sequential(Stack([latentDim, .. hiddenSizes.Reverse(), inputDim], reluAfterLast: false));
        RegisterComponents();
    }

    /// <summary>Re-draws every layer as torch does by default, U(±1/√fan_in), but from <paramref name="generator"/>.</summary>
    public void ResetParameters(Generator generator) => ParameterInit.Reset(this, generator);

    public override (Tensor Mean, Tensor LogVar) Encode(Tensor x)
    {
        using var hidden = _encoder.forward(x);
        return (_mean.forward(hidden), _logVar.forward(hidden));
    }

    public override Tensor Decode(Tensor z) => _decoder.forward(z);


    private static (string, nn.Module<Tensor, Tensor>)[] Stack(IReadOnlyList<int> widths, bool reluAfterLast)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (var i = 0; i + 1 < widths.Count; i++)
        {
            layers.Add(($"linear{i}", nn.Linear(widths[i], widths[i + 1])));
            if (reluAfterLast || i + 2 < widths.Count)
            {
                layers.Add(($"relu{i}", nn.ReLU()));
            }
        }

        return [.. layers];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _encoder.Dispose();
            _mean.Dispose();
            _logVar.Dispose();
            _decoder.Dispose();
        }

        base.Dispose(disposing);
    }
}
