using System.Text.Json.Serialization;
using MusicClustering.Client.Commands.Bench.SideBySide;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// What <c>cluster bench e2e --json</c> prints. Field names are read by scripts; seconds throughout. <c>ours_s</c> is
/// what a user waits for from a folder on disk to results.json with nothing cached (the cold ingest plus the cold
/// submit→results); <c>reference_s</c> is the Python pipeline's own reported total on the same folder in the same run
/// (pipeline_ref.py's <c>stages_s.total</c>: imports to the end of t-SNE, interpreter start-up excluded), and
/// <c>ratio</c> = reference_s / ours_s.
/// </summary>
public sealed record E2eBenchReport(
    int Clips,
    int Silos,
    [property: JsonPropertyName("stages_s")] E2eStages Stages,
    E2eCachedRun Cached,
    long LargestMessageBytes,
    IReadOnlyList<long> PeakRssBytesPerSilo)
{
    /// <summary>Where the tracks' audio was read from: "in-place" (files under a library root) or "blob" (uploaded copies).</summary>
    public string Source { get; init; } = "blob";

    [JsonIgnore]
    public SideBySideTiming? Timing { get; init; }

    [JsonPropertyName("ours_s")]
    public double OursSeconds => Stages.Ingest + Stages.Total;

    [JsonPropertyName("reference_s")]
    public double? ReferenceSeconds => Timing?.ReferenceSeconds;

    public double? Ratio => Timing?.Ratio;

    public string? Reference => Timing?.Reference;

    public string? ReferenceNote => Timing?.ReferenceNote;

    public MachineInfo Machine => Timing?.Machine ?? MachineInfo.Current;

    /// <summary>The reference's own per-stage wall seconds (load, mfcc, vae_train, kmeans, tsne, ...), when it ran.</summary>
    [JsonPropertyName("reference_stages_s")]
    public IReadOnlyDictionary<string, double>? ReferenceStages { get; init; }

    public string LoadAverage { get; init; } = Bench.LoadAverage.Read();
}

/// <summary>The same spec again under a new experiment id, with every feature vector already in blob storage.</summary>
public sealed record E2eCachedRun([property: JsonPropertyName("stages_s")] E2eStages Stages);

/// <summary>
/// Stage times of one run. <c>total</c> is submit→results as the client sees it (ingest not included);
/// <c>report</c> is what no other stage covers: submit, status writes, results.json and report.html, the last poll.
/// </summary>
public sealed record E2eStages(
    double Ingest,
    double Features,
    double Train,
    double Cluster,
    double Metrics,
    double Tsne,
    double Report,
    double Total);
