using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Experiments;

/// <summary>Every file of one experiment, <c>experiments/{id}/…</c>: the one place its blob names are made.</summary>
public sealed record ExperimentBlobs(string Id)
{
    public const string StatusFile = "status.json";
    public const string ResultsFile = "results.json";
    public const string ReportFile = "report.html";
    public const string TsneByClusterFile = "tsne_clusters.png";
    public const string TsneByLabelFile = "tsne_labels.png";
    public const string LossCurvePrefix = "loss_";
    public const string TraversalPrefix = "traversal_";

    /// <summary>The spec the id runs under, written once.</summary>
    public BlobRef Spec => File("spec.json");

    /// <summary>The dataset version the id ran on, written with the spec: together they are what the id means.</summary>
    public BlobRef Identity => File("identity.json");

    /// <summary>A <c>cluster cancel</c> request, honoured by the run's owner wherever it runs.</summary>
    public BlobRef CancelRequest => File("cancel.json");

    /// <summary>The status, which is also the run's claim: only its owner writes it.</summary>
    public BlobRef Status => File(StatusFile);

    /// <summary>The track vectors, one row per extracted track, that trainers read.</summary>
    public BlobRef Matrix => File("matrix.f32");

    /// <summary>The tracks' log-mel blobs that patch models train on, in the row order of <see cref="Matrix"/>.</summary>
    public BlobRef PatchManifest => File("patches.json");

    /// <summary>Written last: its presence marks the experiment complete.</summary>
    public BlobRef Results => File(ResultsFile);

    public BlobRef Report => File(ReportFile);

    /// <summary>The tracks as a library: paths, tags, clusters, profiles and the scaler and model that place new files.</summary>
    public BlobRef Library => File("library.json");

    /// <summary>The primary representation's vectors, in the row order of <see cref="Library"/>'s tracks.</summary>
    public BlobRef Space => File("space.f32");

    /// <summary>A representation's loss curve, written by its trainer.</summary>
    public BlobRef LossCurve(PlannedRepresentation plan) => File(LossCurveFile(plan));

    /// <summary>A representation's latent traversal, written by its trainer.</summary>
    public BlobRef Traversal(PlannedRepresentation plan) => File(TraversalFile(plan));

    public static string LossCurveFile(PlannedRepresentation plan) => $"{LossCurvePrefix}{plan.Key}.png";

    public static string TraversalFile(PlannedRepresentation plan) => $"{TraversalPrefix}{plan.Key}.png";

    /// <summary>A file of the experiment's folder by its plain name, as results.json lists its artifacts.</summary>
    public BlobRef File(string name) => new(BlobContainers.Experiments, BlobNames.Experiment(Id, name));
}
