using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>Deterministic forward passes (no sampling, no gradients) over row-major float arrays, in bounded chunks.</summary>
internal static class VaeInference
{
    private const int ChunkRows = 4096;

    public static float[] EncodeMeans(VaeModel model, float[] standardized, int columns, Device device) =>
        MapRows(standardized, columns, device, x =>
        {
            var (mean, logVar) = model.Encode(x);
            logVar.Dispose();
            return mean;
        });

    /// <summary>Encoder means and log-variances, each rows × latentDim row-major.</summary>
    public static (float[] Means, float[] LogVars) EncodeDistribution(VaeModel model, float[] standardized, int columns, int latentDim, Device device)
    {
        var both = MapRows(standardized, columns, device, x =>
        {
            var (mean, logVar) = model.Encode(x);
            return cat([mean, logVar], 1);
        });
        var rows = both.Length / (2 * latentDim);
        var means = new float[rows * latentDim];
        var logVars = new float[rows * latentDim];
        for (var r = 0; r < rows; r++)
        {
            Array.Copy(both, 2 * r * latentDim, means, r * latentDim, latentDim);
            Array.Copy(both, ((2 * r) + 1) * latentDim, logVars, r * latentDim, latentDim);
        }

        return (means, logVars);
    }

    public static float[] Decode(VaeModel model, float[] latents, int latentDim, Device device) =>
        MapRows(latents, latentDim, device, model.Decode);

    /// <summary>Mean over rows of the summed squared error of decode(encode-mean(x)) against x.</summary>
    public static double ReconstructionError(VaeModel model, float[] standardized, int columns, Device device)
    {
        var reconstructed = MapRows(standardized, columns, device, x => model.Decode(model.Encode(x).Mean));
        double total = 0;
        for (var i = 0; i < standardized.Length; i++)
        {
            var d = (double)reconstructed[i] - standardized[i];
            total += d * d;
        }

        return total / (standardized.Length / columns);
    }

    private static float[] MapRows(float[] rows, int columns, Device device, Func<Tensor, Tensor> map)
    {
        var count = rows.Length / columns;
        var output = new List<float>();
        using var noGrad = no_grad();
        for (var start = 0; start < count; start += ChunkRows)
        {
            using var scope = NewDisposeScope();
            var n = Math.Min(ChunkRows, count - start);
            var chunk = tensor(rows.AsSpan(start * columns, n * columns).ToArray(), [n, columns]).to(device);
            output.AddRange(map(chunk).cpu().data<float>().ToArray());
        }

        return [.. output];
    }
}
