using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>Assembles <c>results.json</c> from what each stage produced.</summary>
public static class ResultsBuilder
{
    public static ExperimentResults Build(
        string id,
        ExperimentSpec spec,
        ExtractionSummary extraction,
        AnalysisOutput analysis,
        IReadOnlyDictionary<string, double> timings,
        IReadOnlyList<string> artifacts,
        bool resumed)
    {
        var primary = analysis.Primary;
        var primaryRepresentation = analysis.PrimaryRepresentation;
        var training = primaryRepresentation.Training;
        var notes = analysis.Notes.ToList();
        notes.AddRange(extraction.Warnings);
        if (resumed)
        {
            notes.Add("This run was resumed after an interruption; cached features and trainer checkpoints were reused.");
        }

        return new ExperimentResults
        {
            Id = id,
            Name = spec.Name,
            Dataset = spec.Dataset,
            Tracks = analysis.Assignments.Count,
            Metrics = primary.Metrics,
            SilosUsed = extraction.Features.TracksPerSilo.Keys.Order(StringComparer.Ordinal).ToList(),
            Features = extraction.Features,
            Model = new ExperimentResults.ModelSection(
                primaryRepresentation.Plan.Spec.Model,
                primaryRepresentation.Rows[0].Length,
                primaryRepresentation.Plan.Spec.Beta,
                training is null ? 0 : spec.EffectiveTraining.Epochs,
                training?.Device ?? "none",
                training?.Silo ?? "",
                training?.Loss,
                training?.Model?.ToString(),
                training?.Latents?.ToString()),
            Clustering = new ExperimentResults.ClusteringSection(
                primary.Algorithm,
                analysis.KSelection?.ChosenK ?? (spec.ChoosesK ? primary.Clusters : spec.K),
                primary.Clusters,
                primary.Noise,
                analysis.LabelsAvailable,
                analysis.Assignments),
            Rows = analysis.Rows,
            Representations = analysis.Rows
                .Select(r => (r.Representation, r.Seed)).Distinct()
                .Select(key => Describe(analysis, key.Representation, key.Seed))
                .OfType<ExperimentResults.RepresentationSection>()
                .ToList(),
            KSelection = analysis.KSelection,
            Update = spec.UpdateFrom is { } from && analysis.Drift is { } drift
                ? spec.ReusesModel ? UpdateSection.Reuse(from, drift.Kept + drift.Moved) : UpdateSection.Refit(from, drift.Kept + drift.Moved)
                : null,
            Drift = analysis.Drift,
            Lyrics = analysis.Lyrics,
            Tsne = analysis.Tsne,
            Artifacts = artifacts,
            Failed = extraction.Failed,
            TrackPaths = extraction.TrackPaths,
            Notes = notes,
            TimingsSeconds = timings,
            Spec = spec,
            Versions = RuntimeVersions.Current,
            CompletedAt = DateTimeOffset.UtcNow,
        };
    }

    private static ExperimentResults.RepresentationSection? Describe(AnalysisOutput analysis, string label, int seed)
    {
        var built = analysis.Representations.FirstOrDefault(b => b.Plan.Spec.Label == label && b.Plan.Seed == seed)
            ?? analysis.Representations.FirstOrDefault(b => b.Plan.Spec.Label == label);
        if (built is null)
        {
            return null;
        }

        var spec = built.Plan.Spec;
        return new ExperimentResults.RepresentationSection(
            label, spec.Model, spec.Beta, built.Rows[0].Length, seed, built.Plan.Baseline,
            built.Training?.Device, built.Training?.Silo, built.Training?.Loss, built.ExplainedVariance, built.Blobs, built.Diagnostics);
    }
}
