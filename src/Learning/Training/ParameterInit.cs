using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// torch's default initialisation of linear and convolution layers, U(±1/√fan_in) for weights and biases, drawn from
/// a run's own generator so concurrent trainings in one process stay independent and reproducible.
/// </summary>
internal static class ParameterInit
{
    public static void Reset(nn.Module module, Generator generator)
    {
        using var noGrad = no_grad();
        foreach (var layer in module.modules())
        {
            var (weight, bias) = layer switch
            {
                Linear linear => (linear.weight, linear.bias),
                Conv2d conv => (conv.weight, conv.bias),
                ConvTranspose2d transposed => (transposed.weight, transposed.bias),
                _ => (null, null),
            };
            if (weight is null)
            {
                continue;
            }

            // fan_in as torch computes it: dim 1 times the receptive field (for a transposed convolution, its outputs).
            var fanIn = weight.shape.Skip(1).Aggregate(1L, (a, b) => a * b);
            var bound = 1.0 / Math.Sqrt(fanIn);
            weight.uniform_(-bound, bound, generator);
            bias?.uniform_(-bound, bound, generator);
        }
    }
}
