using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>One optimizer step on a batch; call inside the batch's dispose scope.</summary>
internal static class VaeBatchStep
{
    public static (float Loss, float Reconstruction, float Kl) Run(VaeModel model, AdamOptimizer optimizer, Tensor batch, double beta)
    {
        var (output, mean, logVar) = model.forward(batch);
        var terms = VaeLoss.Compute(output, batch, mean, logVar, beta);
        terms.Total.backward();
        optimizer.Step();
        return (terms.Total.item<float>(), terms.Reconstruction.item<float>(), terms.Kl.item<float>());
    }

    /// <summary>Loss of a batch with z = μ.</summary>
    public static float Validate(VaeModel model, Tensor batch, double beta)
    {
        var (mean, logVar) = model.Encode(batch);
        return VaeLoss.Compute(model.Decode(mean), batch, mean, logVar, beta).Total.item<float>();
    }
}
