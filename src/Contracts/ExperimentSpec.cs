using System.Text.Json.Serialization;

namespace MusicClustering.Contracts;

/// <summary>
/// What an experiment runs: the dataset and feature config (default gtzan57: it clustered real music best, see the
/// README; stats, stats+delta, frames:N and descriptors stay available), the representations (a β sweep is several
/// <see cref="RepresentationSpec"/>s), the fusions, the clustering algorithms, k and the seeds.
/// Written by hand as a JSON file (snake_case) or built from <c>cluster submit</c> flags. Tracks that fail extraction
/// are listed in the results; the experiment fails as a whole only when more than <c>MaxFailedFraction</c> of them do.
/// <c>UpdateFrom</c> (<c>--update-from ID</c>) names an earlier experiment on the same dataset whose cluster ids this
/// run keeps (its clusters are matched to that run's by overlap; results.json then has <c>update</c> and <c>drift</c>);
/// <c>UpdateModel</c> <c>reuse</c> carries the tracks into that run's space and centroids instead of refitting.
/// </summary>
[GenerateSerializer, Immutable, Alias("mc.ExperimentSpec")]
public sealed record ExperimentSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string Dataset,
    [property: Id(2)] string FeatureConfig = "gtzan57",
    [property: Id(3)] RepresentationSpec[]? Representations = null,
    [property: Id(4)] string[]? Fusions = null,
    [property: Id(5)] string[]? Algorithms = null,
    [property: Id(6)] int K = 10,
    [property: Id(7)] int[]? Seeds = null,
    [property: Id(8)] TrainingSpec? Training = null,
    [property: Id(9)] LyricsSpec? Lyrics = null,
    [property: Id(10)] bool Baselines = true,
    [property: Id(11)] bool Tsne = true,
    [property: Id(12)] double MaxFailedFraction = 0.2,
    [property: Id(13), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UpdateFrom = null,
    [property: Id(14), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UpdateModel = null)
{
    /// <summary>An update that reuses the earlier run's model instead of refitting (<see cref="UpdateModels.Reuse"/>).</summary>
    [JsonIgnore]
    public bool ReusesModel => UpdateFrom is not null && UpdateModel == UpdateModels.Reuse;

    /// <summary><c>k: "auto"</c> (<c>--k auto</c>): the analysis chooses k without labels (KSelector) and records the curve.</summary>
    public const int AutoK = 0;

    [JsonIgnore]
    public bool ChoosesK => K == AutoK;

    /// <summary>Whether any representation is learned (a VAE or patch model) rather than computed.</summary>
    [JsonIgnore]
    public bool HasTrainedRepresentation => EffectiveRepresentations.Any(r => r.IsTrained);

    public RepresentationSpec[] EffectiveRepresentations => Representations is { Length: > 0 } r ? r : [new RepresentationSpec()];
    public string[] EffectiveFusions => Fusions is { Length: > 0 } f ? f : [Contracts.Fusions.Audio];
    /// <summary>K-Means, by the name the analysis parses (ClusteringAlgorithmSpec.KMeansName; Contracts cannot see it).</summary>
    public const string DefaultAlgorithm = "kmeans";

    public string[] EffectiveAlgorithms => Algorithms is { Length: > 0 } a ? a : [DefaultAlgorithm];
    public int[] EffectiveSeeds => Seeds is { Length: > 0 } s ? s : [0];
    public TrainingSpec EffectiveTraining => Training ?? new TrainingSpec();
    public LyricsSpec EffectiveLyrics => Lyrics ?? new LyricsSpec();
}
