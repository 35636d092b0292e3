using System.Text.Json.Serialization;
using MusicClustering.Client.Commands.Bench.SideBySide;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>What <c>cluster bench tsne --json</c> prints. Field names are read by scripts.</summary>
public sealed record TsneBenchReport(
    [property: JsonPropertyName("points")] int Points,
    [property: JsonPropertyName("dimensions")] int Dimensions,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("perplexity")] double Perplexity,
    [property: JsonPropertyName("iterations")] int Iterations,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("repeats")] int Repeats,
    [property: JsonPropertyName("ours_s")] double OursSeconds,
    [property: JsonPropertyName("reference_s")] double? ReferenceSeconds,
    [property: JsonPropertyName("ratio")] double? Ratio,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("reference_note")] string? ReferenceNote,
    [property: JsonPropertyName("machine")] MachineInfo Machine,
    [property: JsonPropertyName("iterations_run")] TsneBenchReport.Pair IterationsRun,
    [property: JsonPropertyName("trustworthiness")] TsneBenchReport.Pair Trustworthiness,
    [property: JsonPropertyName("kl_divergence")] TsneBenchReport.Pair KlDivergence)
{
    /// <summary>One figure for ours and for the reference (null without the harness).</summary>
    public sealed record Pair(
        [property: JsonPropertyName("ours")] double Ours,
        [property: JsonPropertyName("reference")] double? Reference);
}
