using MusicClustering.Contracts;

namespace MusicClustering.Integration.Tests.Telemetry;

/// <summary>The small experiment the telemetry tests trace: a short VAE and K-Means, nothing else.</summary>
internal static class TelemetrySpec
{
    public static ExperimentSpec Small(string name, string dataset, int k) =>
        new(name, dataset, K: k, Training: new TrainingSpec(Epochs: 3), Baselines: false, Tsne: false);
}
