using System.Text.Json.Serialization;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>What <c>cluster bench vae --json</c> prints. Field names are read by scripts.</summary>
public sealed record VaeBenchReport(
    [property: JsonPropertyName("epoch_median_s")] double EpochMedianSeconds,
    int Epochs,
    int Rows,
    int Columns,
    string Device,
    [property: JsonPropertyName("reference_epoch_s")] double ReferenceEpochSeconds,
    double RatioToPytorch)
{
    /// <summary>PyTorch's median epoch for the same setup on the reference machine.</summary>
    public const double PytorchEpochSeconds = 0.164;
}
