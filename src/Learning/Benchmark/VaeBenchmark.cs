namespace MusicClustering.Learning;

/// <summary>Epoch timing of the reference setup, comparable to the PyTorch figure in the shared reference data.</summary>
/// <param name="MedianEpochSeconds">Median over epochs of the wall time of one epoch.</param>
public sealed record VaeBenchmarkResult(
    double MedianEpochSeconds,
    double FirstEpochSeconds,
    double TotalSeconds,
    IReadOnlyList<double> EpochSeconds,
    double FinalLoss,
    string Device);

public static class VaeBenchmark
{
    /// <summary>Standardises and trains a cols→512→256→16 VAE (batch 32, Adam 1e-3, seed 0) on the CPU with <paramref name="threads"/> torch threads.</summary>
    public static VaeBenchmarkResult Run(float[] data, int rows, int cols, int epochs, int threads = 1)
    {
        var options = new VaeOptions { Epochs = epochs, TorchThreads = threads, Device = "cpu" };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = new VaeTrainer().Train(new VaeTrainingInput(data, rows, cols), options, null, CancellationToken.None);
        var seconds = result.History.Select(h => h.Seconds).ToList();
        return new VaeBenchmarkResult(
            Median(seconds),
            seconds.FirstOrDefault(),
            clock.Elapsed.TotalSeconds,
            seconds,
            result.History.Count > 0 ? result.History[^1].Loss : double.NaN,
            result.Device);
    }

    private static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
