using System.Text.Json.Serialization;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>What <c>cluster bench e2e --json</c> prints. Field names are read by scripts; seconds throughout.</summary>
public sealed record E2eBenchReport(
    int Clips,
    int Silos,
    [property: JsonPropertyName("stages_s")] E2eStages Stages,
    E2eCachedRun Cached,
    long LargestMessageBytes,
    IReadOnlyList<long> PeakRssBytesPerSilo);

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
