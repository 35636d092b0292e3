using static TorchSharp.torch;

namespace MusicClustering.Learning.Tests;

public sealed class NtXentLossTests
{
    [Fact]
    public void The_loss_matches_a_hand_computation_on_a_tiny_batch()
    {
        float[][] rows = [[1, 0, 0.5f], [0.8f, 0.2f, 0.4f], [-0.3f, 1, 0], [0.1f, 0.9f, -0.2f], [0.2f, -0.5f, 1], [0, 0, 1]];
        const double temperature = 0.5;

        // By hand: cosine similarities, and for each anchor −log(exp(s⁺/τ) / Σ_{k≠a} exp(s_k/τ)); the partner of 2i is 2i+1.
        double Cosine(float[] a, float[] b) =>
            a.Zip(b).Sum(p => (double)p.First * p.Second) / Math.Sqrt(a.Sum(x => (double)x * x)) / Math.Sqrt(b.Sum(x => (double)x * x));
        var expected = Enumerable.Range(0, rows.Length).Average(a =>
        {
            var denominator = Enumerable.Range(0, rows.Length).Where(k => k != a).Sum(k => Math.Exp(Cosine(rows[a], rows[k]) / temperature));
            return -Math.Log(Math.Exp(Cosine(rows[a], rows[a ^ 1]) / temperature) / denominator);
        });

        TorchNativeLoader.EnsureLoaded();
        using var projections = tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, 3]);
        using var loss = NtXentLoss.Compute(projections, temperature);

        Assert.Equal(expected, loss.item<float>(), 5);
    }

    [Fact]
    public void Identical_views_far_from_the_others_give_a_lower_loss_than_swapped_partners()
    {
        TorchNativeLoader.EnsureLoaded();
        using var aligned = tensor(new float[] { 1, 0, 1, 0, 0, 1, 0, 1 }, [4, 2]);
        using var swapped = tensor(new float[] { 1, 0, 0, 1, 1, 0, 0, 1 }, [4, 2]);

        Assert.True(NtXentLoss.Compute(aligned, 0.1).item<float>() < NtXentLoss.Compute(swapped, 0.1).item<float>());
    }
}
