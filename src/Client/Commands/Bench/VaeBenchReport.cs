using System.Text.Json.Serialization;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>What <c>cluster bench vae --json</c> prints. Field names are read by scripts.</summary>
public sealed record VaeBenchReport(
    [property: JsonPropertyName("epoch_median_s")] double EpochMedianSeconds,
    [property: JsonPropertyName("epochs")] int Epochs,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("columns")] int Columns,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("reference_epoch_s")] double ReferenceEpochSeconds,
    [property: JsonPropertyName("ratio_to_pytorch")] double RatioToPytorch)
{
    /// <summary>PyTorch's median epoch for the same setup on the reference machine.</summary>
    public const double PytorchEpochSeconds = 0.164;
}
