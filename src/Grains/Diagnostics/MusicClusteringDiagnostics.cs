using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MusicClustering.Grains.Diagnostics;

/// <summary>
/// Our own <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <see cref="Name"/>. Telemetry setup
/// subscribes to them next to Orleans' sources; the instruments below are what the Grafana dashboard shows.
/// </summary>
public static class MusicClusteringDiagnostics
{
    public const string Name = "MusicClustering";
    public const string Version = "1.0.0";

    public const string SiloTag = "silo";
    public const string StageTag = "stage";
    public const string ReasonTag = "reason";
    public const string ExperimentTag = "experiment";

    public static readonly ActivitySource ActivitySource = new(Name, Version);
    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Every instrument we define, by OpenTelemetry name; <see cref="PrometheusName"/> gives the scraped name.</summary>
    public static IReadOnlyList<InstrumentInfo> Instruments { get; } =
    [
        new(MetricNames.TracksExtracted, InstrumentKind.Counter, null, "Tracks whose features a silo produced (computed or cached); tag silo, cached."),
        new(MetricNames.TracksFailed, InstrumentKind.Counter, null, "Tracks that could not be extracted; tags silo, reason."),
        new(MetricNames.ExtractionDuration, InstrumentKind.Histogram, "s", "Wall time of one track extraction that computed MFCCs (download, decode, MFCC, upload); tag silo."),
        new(MetricNames.FeatureCacheHits, InstrumentKind.Counter, null, "Feature vectors found in blob storage; tag silo."),
        new(MetricNames.FeatureCacheMisses, InstrumentKind.Counter, null, "Feature vectors that had to be computed; tag silo."),
        new(MetricNames.EpochDuration, InstrumentKind.Histogram, "s", "Duration of one VAE training epoch; tag silo."),
        new(MetricNames.TrainingLoss, InstrumentKind.Gauge, null, "Last epoch's training loss (reconstruction + beta * KL); tags silo, experiment."),
        new(MetricNames.TrainingKl, InstrumentKind.Gauge, null, "Last epoch's KL divergence term; tags silo, experiment."),
        new(MetricNames.StageDuration, InstrumentKind.Histogram, "s", "Duration of one experiment stage (features, assemble, train, analysis); tags stage, silo."),
    ];

    internal static readonly Counter<long> TracksExtracted = Meter.CreateCounter<long>(MetricNames.TracksExtracted, null, Describe(MetricNames.TracksExtracted));
    internal static readonly Counter<long> TracksFailed = Meter.CreateCounter<long>(MetricNames.TracksFailed, null, Describe(MetricNames.TracksFailed));
    internal static readonly Histogram<double> ExtractionDuration = Meter.CreateHistogram<double>(MetricNames.ExtractionDuration, "s", Describe(MetricNames.ExtractionDuration));
    internal static readonly Counter<long> FeatureCacheHits = Meter.CreateCounter<long>(MetricNames.FeatureCacheHits, null, Describe(MetricNames.FeatureCacheHits));
    internal static readonly Counter<long> FeatureCacheMisses = Meter.CreateCounter<long>(MetricNames.FeatureCacheMisses, null, Describe(MetricNames.FeatureCacheMisses));
    internal static readonly Histogram<double> EpochDuration = Meter.CreateHistogram<double>(MetricNames.EpochDuration, "s", Describe(MetricNames.EpochDuration));
    internal static readonly Gauge<double> TrainingLoss = Meter.CreateGauge<double>(MetricNames.TrainingLoss, null, Describe(MetricNames.TrainingLoss));
    internal static readonly Gauge<double> TrainingKl = Meter.CreateGauge<double>(MetricNames.TrainingKl, null, Describe(MetricNames.TrainingKl));
    internal static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(MetricNames.StageDuration, "s", Describe(MetricNames.StageDuration));

    /// <summary>
    /// The name the OpenTelemetry Prometheus exporter gives an instrument: dots to underscores, the unit appended
    /// (<c>s</c> becomes <c>_seconds</c>) and <c>_total</c> for counters. Histograms add <c>_bucket/_sum/_count</c>.
    /// </summary>
    public static string PrometheusName(InstrumentInfo instrument)
    {
        var name = instrument.Name.Replace('.', '_').Replace('-', '_');
        if (instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal))
        {
            name += "_seconds";
        }

        return instrument.Kind == InstrumentKind.Counter ? name + "_total" : name;
    }

    private static string Describe(string name) => Instruments.First(i => i.Name == name).Description;
}

public static class MetricNames
{
    public const string TracksExtracted = "music_clustering.tracks.extracted";
    public const string TracksFailed = "music_clustering.tracks.failed";
    public const string ExtractionDuration = "music_clustering.extraction.duration";
    public const string FeatureCacheHits = "music_clustering.feature_cache.hits";
    public const string FeatureCacheMisses = "music_clustering.feature_cache.misses";
    public const string EpochDuration = "music_clustering.training.epoch.duration";
    public const string TrainingLoss = "music_clustering.training.loss";
    public const string TrainingKl = "music_clustering.training.kl";
    public const string StageDuration = "music_clustering.experiment.stage.duration";
}

public enum InstrumentKind
{
    Counter,
    Histogram,
    Gauge,
}

public sealed record InstrumentInfo(string Name, InstrumentKind Kind, string? Unit, string Description);
