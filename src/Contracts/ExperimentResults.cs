using System.Text.Json.Serialization;

namespace MusicClustering.Contracts;

/// <summary>
/// The <c>results.json</c> of one experiment. Field names are part of the product's interface: scripts read them.
/// The top-level <c>metrics</c>, <c>model</c> and <c>clustering</c> describe the primary row (the first representation,
/// fusion, algorithm and seed of the spec); <c>rows</c> holds every representation × fusion × algorithm × seed.
/// </summary>
public sealed record ExperimentResults
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("dataset")] public required string Dataset { get; init; }
    [JsonPropertyName("tracks")] public required int Tracks { get; init; }
    [JsonPropertyName("metrics")] public required MetricsSection Metrics { get; init; }
    [JsonPropertyName("silos_used")] public required IReadOnlyList<string> SilosUsed { get; init; }
    [JsonPropertyName("features")] public required FeaturesSection Features { get; init; }
    [JsonPropertyName("model")] public required ModelSection Model { get; init; }
    [JsonPropertyName("clustering")] public required ClusteringSection Clustering { get; init; }
    [JsonPropertyName("rows")] public required IReadOnlyList<ResultRow> Rows { get; init; }
    [JsonPropertyName("representations")] public required IReadOnlyList<RepresentationSection> Representations { get; init; }
    [JsonPropertyName("lyrics")] public LyricsSection? Lyrics { get; init; }
    [JsonPropertyName("tsne")] public TsneSection? Tsne { get; init; }
    [JsonPropertyName("artifacts")] public required IReadOnlyList<string> Artifacts { get; init; }
    [JsonPropertyName("failed")] public required IReadOnlyList<FailedTrack> Failed { get; init; }
    [JsonPropertyName("notes")] public required IReadOnlyList<string> Notes { get; init; }
    [JsonPropertyName("timings_s")] public required IReadOnlyDictionary<string, double> TimingsSeconds { get; init; }
    [JsonPropertyName("spec")] public required ExperimentSpec Spec { get; init; }
    [JsonPropertyName("versions")] public required IReadOnlyDictionary<string, string> Versions { get; init; }
    [JsonPropertyName("completed_at")] public required DateTimeOffset CompletedAt { get; init; }

    public sealed record MetricsSection(
        [property: JsonPropertyName("silhouette")] double? Silhouette,
        [property: JsonPropertyName("calinski_harabasz")] double? CalinskiHarabasz,
        [property: JsonPropertyName("davies_bouldin")] double? DaviesBouldin,
        [property: JsonPropertyName("nmi")] double? Nmi,
        [property: JsonPropertyName("ari")] double? Ari,
        [property: JsonPropertyName("accuracy")] double? Accuracy,
        [property: JsonPropertyName("purity")] double? Purity);

    /// <summary>
    /// The features: config, dimension, cache use, and how much audio was analysed (seconds over all tracks); tracks
    /// analysed only in part (max_segments) are listed in <c>partial</c>, every other track was analysed whole.
    /// </summary>
    public sealed record FeaturesSection(
        [property: JsonPropertyName("config")] string Config,
        [property: JsonPropertyName("dimension")] int Dimension,
        [property: JsonPropertyName("computed")] int Computed,
        [property: JsonPropertyName("cached")] int Cached,
        [property: JsonPropertyName("tracks_per_silo")] IReadOnlyDictionary<string, int> TracksPerSilo,
        [property: JsonPropertyName("analysed_s")] double AnalysedSeconds = 0,
        [property: JsonPropertyName("duration_s")] double DurationSeconds = 0,
        [property: JsonPropertyName("segments")] int Segments = 0,
        [property: JsonPropertyName("partial")] IReadOnlyList<PartialTrack>? Partial = null);

    /// <summary>A track of which only the first <c>analysed_s</c> of <c>duration_s</c> seconds were analysed.</summary>
    public sealed record PartialTrack(
        [property: JsonPropertyName("track")] string Track,
        [property: JsonPropertyName("analysed_s")] double AnalysedSeconds,
        [property: JsonPropertyName("duration_s")] double DurationSeconds);

    public sealed record ModelSection(
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("latent_dim")] int LatentDim,
        [property: JsonPropertyName("beta")] double Beta,
        [property: JsonPropertyName("epochs")] int Epochs,
        [property: JsonPropertyName("device")] string Device,
        [property: JsonPropertyName("silo")] string Silo,
        [property: JsonPropertyName("final_loss")] double? FinalLoss,
        [property: JsonPropertyName("model_blob")] string? ModelBlob,
        [property: JsonPropertyName("latents_blob")] string? LatentsBlob);

    public sealed record ClusteringSection(
        [property: JsonPropertyName("algorithm")] string Algorithm,
        [property: JsonPropertyName("k")] int K,
        [property: JsonPropertyName("clusters")] int Clusters,
        [property: JsonPropertyName("noise")] int Noise,
        [property: JsonPropertyName("labels_available")] bool LabelsAvailable,
        [property: JsonPropertyName("assignments")] IReadOnlyDictionary<string, int> Assignments);

    /// <summary>One line of the comparison table.</summary>
    public sealed record ResultRow(
        [property: JsonPropertyName("representation")] string Representation,
        [property: JsonPropertyName("fusion")] string Fusion,
        [property: JsonPropertyName("algorithm")] string Algorithm,
        [property: JsonPropertyName("seed")] int Seed,
        [property: JsonPropertyName("baseline")] bool Baseline,
        [property: JsonPropertyName("metrics")] MetricsSection Metrics,
        [property: JsonPropertyName("clusters")] int Clusters,
        [property: JsonPropertyName("noise")] int Noise,
        [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, double> Parameters,
        [property: JsonPropertyName("seconds")] double Seconds);

    /// <summary>A representation's model and, for VAEs, its disentanglement diagnostics.</summary>
    public sealed record RepresentationSection(
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("beta")] double Beta,
        [property: JsonPropertyName("dimensions")] int Dimensions,
        [property: JsonPropertyName("seed")] int Seed,
        [property: JsonPropertyName("baseline")] bool Baseline,
        [property: JsonPropertyName("device")] string? Device,
        [property: JsonPropertyName("silo")] string? Silo,
        [property: JsonPropertyName("final_loss")] double? FinalLoss,
        [property: JsonPropertyName("explained_variance")] double? ExplainedVariance,
        [property: JsonPropertyName("blobs")] IReadOnlyDictionary<string, string> Blobs,
        [property: JsonPropertyName("diagnostics")] DiagnosticsSection? Diagnostics = null);

    /// <summary>A trained VAE's disentanglement diagnostics, measured on its latent means.</summary>
    public sealed record DiagnosticsSection(
        [property: JsonPropertyName("active_units")] int ActiveUnits,
        [property: JsonPropertyName("kl_per_dimension")] IReadOnlyList<double> KlPerDimension,
        [property: JsonPropertyName("total_correlation")] double? TotalCorrelation,
        [property: JsonPropertyName("reconstruction_error")] double? ReconstructionError);

    public sealed record LyricsSection(
        [property: JsonPropertyName("tracks_with_lyrics")] int TracksWithLyrics,
        [property: JsonPropertyName("tracks_without_lyrics")] int TracksWithoutLyrics,
        [property: JsonPropertyName("vocabulary")] int Vocabulary,
        [property: JsonPropertyName("components")] int Components,
        [property: JsonPropertyName("weight")] double Weight,
        [property: JsonPropertyName("rule")] string Rule);

    public sealed record TsneSection(
        [property: JsonPropertyName("space")] string Space,
        [property: JsonPropertyName("perplexity")] double Perplexity,
        [property: JsonPropertyName("trustworthiness")] double Trustworthiness,
        [property: JsonPropertyName("images")] IReadOnlyList<string> Images,
        [property: JsonPropertyName("seconds")] double Seconds);

    public sealed record FailedTrack(
        [property: JsonPropertyName("track")] string Track,
        [property: JsonPropertyName("reason")] string Reason,
        [property: JsonPropertyName("message")] string Message);
}
