using System.Text.Json.Serialization;
using MusicClustering.Client.Commands.Bench.SideBySide;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// What <c>cluster bench vae --json</c> prints. Field names are read by scripts: <c>ours_s</c> and <c>reference_s</c>
/// are median epoch seconds of TorchSharp and of PyTorch (the harness's <c>vae_ref.py</c>), both measured in this run.
/// </summary>
public sealed record VaeBenchReport(
    [property: JsonIgnore] SideBySideTiming Timing,
    int Epochs,
    int Rows,
    int Columns,
    string Device,
    int TorchThreads)
{
    [JsonPropertyName("ours_s")]
    public double OursSeconds => Timing.OursSeconds;

    [JsonPropertyName("reference_s")]
    public double? ReferenceSeconds => Timing.ReferenceSeconds;

    public double? Ratio => Timing.Ratio;

    public string Reference => Timing.Reference;

    public string? ReferenceNote => Timing.ReferenceNote;

    public MachineInfo Machine => Timing.Machine;
}
