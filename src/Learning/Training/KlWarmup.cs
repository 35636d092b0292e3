namespace MusicClustering.Learning;

/// <summary>The KL warm-up of every VAE here: β rises linearly over the first epochs, from β/n to β.</summary>
internal static class KlWarmup
{
    public static double BetaAt(double beta, int warmupEpochs, int epoch) =>
        warmupEpochs <= 0 ? beta : beta * Math.Min(1.0, (epoch + 1) / (double)warmupEpochs);
}
