using System.Text.Json.Serialization;
using MusicClustering.Analysis;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>
/// The <c>results.json</c> of one experiment. Field names are part of the product's interface: scripts read them.
/// The top-level <c>metrics</c>, <c>model</c> and <c>clustering</c> describe the primary row (the first representation,
/// fusion, algorithm and seed of the spec); <c>rows</c> holds every representation × fusion × algorithm × seed.
/// </summary>
public sealed record ExperimentResults
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Dataset { get; init; }
    public required int Tracks { get; init; }
    public required ClusteringMetrics Metrics { get; init; }
    public required IReadOnlyList<string> SilosUsed { get; init; }
    public required FeaturesSection Features { get; init; }
    public required ModelSection Model { get; init; }
    public required ClusteringSection Clustering { get; init; }
    public required IReadOnlyList<MetricRow> Rows { get; init; }
    public required IReadOnlyList<RepresentationSection> Representations { get; init; }
    public LyricsSection? Lyrics { get; init; }
    public TsneSection? Tsne { get; init; }
    public required IReadOnlyList<string> Artifacts { get; init; }
    public required IReadOnlyList<FailedTrack> Failed { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    [JsonPropertyName("timings_s")] public required IReadOnlyDictionary<string, double> TimingsSeconds { get; init; }
    public required ExperimentSpec Spec { get; init; }
    public required IReadOnlyDictionary<string, string> Versions { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>With <c>k: "auto"</c>: the k chosen without labels, the criterion and the whole curve.</summary>
    public KSelection? KSelection { get; init; }

    /// <summary>With <c>--update-from</c>: the experiment updated, and whether its model was reused or refitted, and why.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UpdateSection? Update { get; init; }

    /// <summary>With <c>--update-from</c>: kept, moved, new and removed tracks against the updated run, and the moved ones.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ClusterDrift? Drift { get; init; }

    /// <summary>Each clustered track's original path (relative to the ingested folder), by track id.</summary>
    public IReadOnlyDictionary<string, string> TrackPaths { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The features: config, dimension, cache use, and how much audio was analysed (seconds over all tracks); tracks
    /// analysed only in part (max_segments) are listed in <c>partial</c>, every other track was analysed whole.
    /// </summary>
    public sealed record FeaturesSection(
        string Config,
        int Dimension,
        int Computed,
        int Cached,
        IReadOnlyDictionary<string, int> TracksPerSilo,
        [property: JsonPropertyName("analysed_s")] double AnalysedSeconds = 0,
        [property: JsonPropertyName("duration_s")] double DurationSeconds = 0,
        int Segments = 0,
        IReadOnlyList<PartialTrack>? Partial = null);

    /// <summary>A track of which only the first <c>analysed_s</c> of <c>duration_s</c> seconds were analysed.</summary>
    public sealed record PartialTrack(
        string Track,
        [property: JsonPropertyName("analysed_s")] double AnalysedSeconds,
        [property: JsonPropertyName("duration_s")] double DurationSeconds);

    public sealed record ModelSection(
        string Type,
        int LatentDim,
        double Beta,
        int Epochs,
        string Device,
        string Silo,
        double? FinalLoss,
        string? ModelBlob,
        string? LatentsBlob);

    public sealed record ClusteringSection(
        string Algorithm,
        int K,
        int Clusters,
        int Noise,
        bool LabelsAvailable,
        IReadOnlyDictionary<string, int> Assignments);

    /// <summary>A representation's model and, for VAEs, its disentanglement diagnostics.</summary>
    public sealed record RepresentationSection(
        string Label,
        string Model,
        double Beta,
        int Dimensions,
        int Seed,
        bool Baseline,
        string? Device,
        string? Silo,
        double? FinalLoss,
        double? ExplainedVariance,
        IReadOnlyDictionary<string, string> Blobs,
        LatentDiagnostics? Diagnostics = null);

    public sealed record LyricsSection(
        int TracksWithLyrics,
        int TracksWithoutLyrics,
        int Vocabulary,
        int Components,
        double Weight,
        string Rule);

    /// <summary>
    /// The 2-D map: trustworthiness (k = 10) with its sampling (exact up to 10k points, else 2,000 query points and a
    /// 95% interval), and how many points t-SNE optimised (the rest were placed by their sampled neighbours).
    /// </summary>
    public sealed record TsneSection(
        string Space,
        double Perplexity,
        double Trustworthiness,
        IReadOnlyList<string> Images,
        double Seconds,
        Analysis.Sampling.SampledEstimate? TrustworthinessSampling = null,
        int? OptimisedPoints = null);

    public sealed record FailedTrack(
        string Track,
        string Reason,
        string Message,
        string? Path = null)
    {
        /// <summary>How to name the track to a person: the path it was ingested from, else its id.</summary>
        [JsonIgnore]
        public string DisplayName => Path ?? Track;
    }
}
