using System.Text.Json.Serialization;
using MusicClustering.Client.Commands.Bench.SideBySide;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// What <c>cluster bench vae --json</c> prints. Field names are read by scripts: <c>ours_s</c> and <c>reference_s</c>
/// are median epoch seconds of TorchSharp and of PyTorch (the harness's <c>vae_ref.py</c>), both measured in this run.
/// </summary>
public sealed record VaeBenchReport(
    [property: JsonIgnore] SideBySideTiming Timing,
    [property: JsonPropertyName("epochs")] int Epochs,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("columns")] int Columns,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("torch_threads")] int TorchThreads)
{
    [JsonPropertyName("ours_s")]
    public double OursSeconds => Timing.OursSeconds;

    [JsonPropertyName("reference_s")]
    public double? ReferenceSeconds => Timing.ReferenceSeconds;

    [JsonPropertyName("ratio")]
    public double? Ratio => Timing.Ratio;

    [JsonPropertyName("reference")]
    public string Reference => Timing.Reference;

    [JsonPropertyName("reference_note")]
    public string? ReferenceNote => Timing.ReferenceNote;

    [JsonPropertyName("machine")]
    public MachineInfo Machine => Timing.Machine;
}
