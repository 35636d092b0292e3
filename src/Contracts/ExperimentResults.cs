using System.Text.Json.Serialization;

namespace MusicClustering.Contracts;

/// <summary>The <c>results.json</c> of one experiment. Field names are part of the product's interface: scripts read them.</summary>
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
    [JsonPropertyName("failed")] public required IReadOnlyList<FailedTrack> Failed { get; init; }
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
        [property: JsonPropertyName("accuracy")] double? Accuracy);

    public sealed record FeaturesSection(
        [property: JsonPropertyName("config")] string Config,
        [property: JsonPropertyName("dimension")] int Dimension,
        [property: JsonPropertyName("computed")] int Computed,
        [property: JsonPropertyName("cached")] int Cached,
        [property: JsonPropertyName("tracks_per_silo")] IReadOnlyDictionary<string, int> TracksPerSilo);

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
        [property: JsonPropertyName("inertia")] double Inertia,
        [property: JsonPropertyName("labels_available")] bool LabelsAvailable,
        [property: JsonPropertyName("assignments")] IReadOnlyDictionary<string, int> Assignments);

    public sealed record FailedTrack(
        [property: JsonPropertyName("track")] string Track,
        [property: JsonPropertyName("reason")] string Reason,
        [property: JsonPropertyName("message")] string Message);
}
