using System.Text.Json.Serialization;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>What <c>cluster bench e2e --json</c> prints. Field names are read by scripts; seconds throughout.</summary>
public sealed record E2eBenchReport(
    [property: JsonPropertyName("clips")] int Clips,
    [property: JsonPropertyName("silos")] int Silos,
    [property: JsonPropertyName("stages_s")] E2eStages Stages,
    [property: JsonPropertyName("cached")] E2eCachedRun Cached,
    [property: JsonPropertyName("largest_message_bytes")] long LargestMessageBytes,
    [property: JsonPropertyName("peak_rss_bytes_per_silo")] IReadOnlyList<long> PeakRssBytesPerSilo);

/// <summary>The same spec again under a new experiment id, with every feature vector already in blob storage.</summary>
public sealed record E2eCachedRun([property: JsonPropertyName("stages_s")] E2eStages Stages);

/// <summary>
/// Stage times of one run. <c>total</c> is submit→results as the client sees it (ingest not included);
/// <c>report</c> is what no other stage covers: submit, status writes, results.json and report.html, the last poll.
/// </summary>
public sealed record E2eStages(
    [property: JsonPropertyName("ingest")] double Ingest,
    [property: JsonPropertyName("features")] double Features,
    [property: JsonPropertyName("train")] double Train,
    [property: JsonPropertyName("cluster")] double Cluster,
    [property: JsonPropertyName("metrics")] double Metrics,
    [property: JsonPropertyName("tsne")] double Tsne,
    [property: JsonPropertyName("report")] double Report,
    [property: JsonPropertyName("total")] double Total);
