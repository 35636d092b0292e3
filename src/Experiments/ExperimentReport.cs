using System.Globalization;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Experiments.Report;

namespace MusicClustering.Experiments;

/// <summary>
/// Turns a results.json into <c>report.html</c>: the same numbers, laid out for a person, and with the experiment's
/// library (when given) its tracks: a map to explore and listen from, and each cluster's tracks and profile.
/// </summary>
public static class ExperimentReport
{
    public static string Render(ExperimentResults results, ReportLibrary? library = null) => HtmlReport.Render(new ReportModel
    {
        Title = $"{results.Name} ({results.Id})",
        Spec = SpecItems(results),
        Dataset = new ReportDataset(
            results.Tracks,
            results.Failed.Select(f => new ReportFailedTrack(f.DisplayName, $"{f.Reason}: {f.Message}")).ToList(),
            results.Clustering.LabelsAvailable),
        Rows = results.Rows,
        Diagnostics = Diagnostics(results),
        Images = results.Artifacts.Where(a => a.EndsWith(".png", StringComparison.Ordinal)).Select(a => new ReportImage(a, Caption(a, results))).ToList(),
        Notes = results.Notes,
        Clusters = library is null ? [] : LibraryReportSections.Clusters(library),
        Script = library is null ? null : LibraryReportSections.Script(library, MapCaption(results)),
        Footer =
        [
            .. results.Versions.Select(v => new ReportItem(v.Key, v.Value)),
            .. results.TimingsSeconds.Select(t => new ReportItem($"{t.Key} (s)", t.Value.ToString("F2", CultureInfo.InvariantCulture))),
            new ReportItem("silos", string.Join(", ", results.SilosUsed)),
            new ReportItem("completed", results.CompletedAt.ToString("u", CultureInfo.InvariantCulture)),
        ],
    });

    private static string? MapCaption(ExperimentResults results) => results.Tsne is { } tsne
        ? $"Each dot is a track, placed by t-SNE of {tsne.Space} so that tracks near each other in that space sit near each other here "
            + $"(trustworthiness {tsne.Trustworthiness.ToString("F3", CultureInfo.InvariantCulture)}: how far each track's nearest "
            + "neighbours on the map are its neighbours in that space too, 1 at best); the colour is its cluster."
        : null;

    private static List<ReportItem> SpecItems(ExperimentResults results)
    {
        var spec = results.Spec;
        return
        [
            new("dataset", spec.Dataset),
            new("features", $"{results.Features.Config} ({results.Features.Dimension} values per track; {results.Features.Computed} computed, {results.Features.Cached} cached)"),
            new("representations", string.Join(", ", spec.EffectiveRepresentations.Select(r => r.Label))),
            new("fusions", string.Join(", ", spec.EffectiveFusions)),
            new("algorithms", string.Join(", ", spec.EffectiveAlgorithms)),
            new("k", results.KSelection is { } chosen
                ? $"auto: {chosen.ChosenK}, the best {chosen.Criterion} over k = {chosen.Range[0]}..{chosen.Range[^1]}"
                : spec.K.ToString(CultureInfo.InvariantCulture)),
            new("seeds", string.Join(", ", spec.EffectiveSeeds)),
            new("training", $"{spec.EffectiveTraining.Epochs} epochs, batch {spec.EffectiveTraining.BatchSize}, lr {spec.EffectiveTraining.LearningRate.ToString(CultureInfo.InvariantCulture)}"),
        ];
    }

    private static IReadOnlyList<DiagnosticsRow>? Diagnostics(ExperimentResults results)
    {
        var trained = results.Representations.Where(r => r.Diagnostics is not null).ToList();
        return trained.Count == 0
            ? null
            : trained.Select(r => new DiagnosticsRow(
                r.Label, r.Diagnostics!.ActiveUnits, r.Diagnostics.TotalCorrelation, r.Diagnostics.ReconstructionError, r.Diagnostics.KlPerDimension.Sum() / Math.Max(1, r.Diagnostics.KlPerDimension.Length))).ToList();
    }

    private static string Caption(string file, ExperimentResults results) => file switch
    {
        ExperimentAnalysis.TsneByCluster => $"t-SNE of {results.Tsne?.Space}, coloured by {results.Clustering.Algorithm} cluster (trustworthiness {results.Tsne?.Trustworthiness:F3})",
        ExperimentAnalysis.TsneByLabel => $"t-SNE of {results.Tsne?.Space}, coloured by label",
        _ when file.StartsWith("loss_", StringComparison.Ordinal) => $"Training loss of {Representation(file, "loss_", results)}",
        _ when file.StartsWith("traversal_", StringComparison.Ordinal) => $"Latent traversal of {Representation(file, "traversal_", results)}: decoded MFCC statistics while one latent dimension sweeps",
        _ => file,
    };

    private static string Representation(string file, string prefix, ExperimentResults results)
    {
        var key = file[prefix.Length..^".png".Length];
        return results.Representations.FirstOrDefault(r => $"{r.Model}-b{r.Beta.ToString("0.###", CultureInfo.InvariantCulture)}-d{r.Dimensions}-s{r.Seed}" == key)?.Label ?? key;
    }
}
