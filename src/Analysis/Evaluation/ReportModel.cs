namespace MusicClustering.Analysis.Evaluation;

/// <summary>Everything <see cref="HtmlReport"/> shows, as plain values the caller fills in; text is escaped on render.</summary>
public sealed record ReportModel
{
    public required string Title { get; init; }

    /// <summary>Run settings shown as a key/value list (feature set, k, seed, weights...).</summary>
    public IReadOnlyList<ReportItem> Spec { get; init; } = [];

    public required ReportDataset Dataset { get; init; }

    /// <summary>One row per representation × fusion × algorithm × seed; null metrics render as a dash.</summary>
    public IReadOnlyList<MetricRow> Rows { get; init; } = [];

    /// <summary>Per-representation diagnostics; the section is omitted when null or empty.</summary>
    public IReadOnlyList<DiagnosticsRow>? Diagnostics { get; init; }

    /// <summary>Images next to the HTML file, referenced by relative file name.</summary>
    public IReadOnlyList<ReportImage> Images { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>One section per cluster: its profile and its tracks; omitted when empty.</summary>
    public IReadOnlyList<ReportCluster> Clusters { get; init; } = [];

    /// <summary>The interactive part (map, listening); without it the page has no script at all.</summary>
    public ReportScript? Script { get; init; }

    /// <summary>Footer entries such as tool versions and timings.</summary>
    public IReadOnlyList<ReportItem> Footer { get; init; } = [];
}

public sealed record ReportItem(string Key, string Value);

public sealed record ReportFailedTrack(string Track, string Reason);

/// <summary>Tracks clustered, tracks that could not be featurised (with why), and whether ground-truth labels exist.</summary>
public sealed record ReportDataset(int Tracks, IReadOnlyList<ReportFailedTrack> Failed, bool LabelsAvailable)
{
    /// <summary>Where labels came from (e.g. "genre column of tracks.csv"), shown when labels are available.</summary>
    public string? LabelSource { get; init; }

    public int? LabelClasses { get; init; }
}

/// <summary>Latent-space health of one learned representation (VAE-style); any value may be unknown.</summary>
public sealed record DiagnosticsRow(
    string Representation,
    int? ActiveUnits,
    double? TotalCorrelation,
    double? ReconstructionError,
    double? KlPerDim);

/// <summary>An image file in the report's folder, e.g. ("tsne_clusters.png", "t-SNE coloured by cluster").</summary>
public sealed record ReportImage(string FileName, string Caption);

/// <summary>A cluster as the report lists it: a heading, profile lines (distinctive descriptors) and its tracks.</summary>
public sealed record ReportCluster(string Name, IReadOnlyList<string> Profile, IReadOnlyList<ReportTrack> Tracks);

/// <summary>
/// A track in a cluster's list. <paramref name="Index"/> is its point in the script's data, so its play button and its
/// dot on the map are the same track; <paramref name="Representative"/> marks the tracks nearest the cluster's centre.
/// </summary>
public sealed record ReportTrack(int Index, string Path, string? Title, string? Artist, bool Representative);

/// <summary>
/// The page's script, its style, and the data it reads: JSON, embedded as-is in a <c>application/json</c> block (the
/// renderer escapes <c>&lt;/</c> in it). <paramref name="MapCaption"/> non-null: the page has a map for the script to draw.
/// </summary>
public sealed record ReportScript(string DataJson, string Script, string Css, string? MapCaption);
