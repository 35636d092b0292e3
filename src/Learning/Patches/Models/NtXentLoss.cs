using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// NT-Xent (SimCLR): for 2N projections where rows 2i and 2i+1 are two views of one track, the mean over all 2N
/// anchors of −log( exp(sim(a, positive)/τ) / Σ_{k≠a} exp(sim(a, k)/τ) ), sim being cosine similarity.
/// </summary>
internal static class NtXentLoss
{
    public static Tensor Compute(Tensor projections, double temperature)
    {
        var count = projections.shape[0];
        using var normalized = nn.functional.normalize(projections, p: 2, dim: 1);
        using var similarity = normalized.matmul(normalized.t()).div(Scalars.Of(temperature));
        using var self = eye(count, dtype: ScalarType.Bool, device: projections.device);
        using var masked = similarity.masked_fill(self, Scalars.Of(double.NegativeInfinity));

        // The partner of row 2i is 2i+1 and vice versa: i XOR 1.
        // Built from an array rather than arange(count) ^ 1: no implicit Scalars (see Scalars).
        using var partners = tensor(Enumerable.Range(0, (int)count).Select(i => (long)(i ^ 1)).ToArray()).to(projections.device);
        return nn.functional.cross_entropy(masked, partners);
    }
}
