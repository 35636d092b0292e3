using System.Text.Json;
using Xunit.Abstractions;

namespace MusicClustering.Learning.Tests;

/// <summary>The reference setup (57→512→256→16, 50 epochs, batch 32) against the PyTorch run in the shared data.</summary>
public sealed class ReferenceVaeTests(ITestOutputHelper output)
{
    private static (float[] Data, int Rows, int Columns, string[] Names) Table() =>
        NumericCsv.Read(TestPaths.Shared("reference", "clustering", "random_1000x57.csv"));

    [Fact]
    public void Reference_table_training_lands_in_the_pytorch_loss_range()
    {
        var table = Table();
        using var reference = JsonDocument.Parse(File.ReadAllText(TestPaths.Shared("reference", "vae", "random_vae.json")));
        var final = reference.RootElement.GetProperty("final");
        var first = reference.RootElement.GetProperty("history")[0].GetProperty("loss").GetDouble();

        var result = new VaeTrainer().Train(new VaeTrainingInput(table.Data, table.Rows, table.Columns), new VaeOptions(), null, CancellationToken.None);

        output.WriteLine($"loss {result.History[0].Loss:0.00} -> {result.History[^1].Loss:0.00} (recon {result.History[^1].Reconstruction:0.00}, KL {result.History[^1].Kl:0.00})");
        Assert.Equal(57, table.Columns);
        Assert.Equal(1000 * 16, result.LatentMeans.Length);

        // One seed on each side: compare ranges, not digits (PyTorch: 57.5 → 45.4, recon 34.1, KL 11.3).
        Assert.InRange(result.History[0].Loss, first * 0.9, first * 1.1);
        Assert.InRange(result.History[^1].Loss, final.GetProperty("loss").GetDouble() * 0.85, final.GetProperty("loss").GetDouble() * 1.15);
        Assert.InRange(result.History[^1].Kl, final.GetProperty("kl").GetDouble() * 0.6, final.GetProperty("kl").GetDouble() * 1.4);
    }

    /// <summary>Reports epoch timing for comparison with PyTorch's 0.164–0.189 s median; no timed assertion.</summary>
    [Fact]
    [Trait("Category", "Heavy")]
    public void Benchmark_reports_epoch_timing()
    {
        var table = Table();

        var benchmark = VaeBenchmark.Run(table.Data, table.Rows, table.Columns, epochs: 50);

        output.WriteLine(
            $"median epoch {benchmark.MedianEpochSeconds:0.0000} s, first {benchmark.FirstEpochSeconds:0.0000} s, " +
            $"total {benchmark.TotalSeconds:0.00} s, final loss {benchmark.FinalLoss:0.00}; {TorchNativeLoader.Status}");
        Assert.Equal(50, benchmark.EpochSeconds.Count);
        Assert.Equal("cpu", benchmark.Device);
        Assert.True(benchmark.MedianEpochSeconds > 0);
    }
}
