using System.Reflection;
using MusicClustering.Contracts;

namespace MusicClustering.Grains.Experiments;

/// <summary>Assembles <c>results.json</c> from what each stage produced.</summary>
public static class ResultsBuilder
{
    public static ExperimentResults Build(
        string id,
        ExperimentSpec spec,
        ExtractionOutcome extraction,
        AnalysisOutput analysis,
        IReadOnlyDictionary<string, double> timings,
        IReadOnlyList<string> artifacts,
        bool resumed)
    {
        var succeeded = extraction.Succeeded;
        var perSilo = succeeded.Select(t => t.Result).Concat(extraction.Failed)
            .GroupBy(r => r.Silo)
            .ToDictionary(g => g.Key, g => g.Count());
        var primary = analysis.Primary;
        var primaryRepresentation = analysis.PrimaryRepresentation;
        var training = primaryRepresentation.Training;
        var notes = analysis.Notes.ToList();
        notes.AddRange(succeeded.Where(t => t.Result.Warning is not null).Select(t => $"{TrackName(t.Result.TrackId)}: {t.Result.Warning}"));
        if (resumed)
        {
            notes.Add("This run was resumed after an interruption; cached features and trainer checkpoints were reused.");
        }

        return new ExperimentResults
        {
            Id = id,
            Name = spec.Name,
            Dataset = spec.Dataset,
            Tracks = succeeded.Count,
            Metrics = primary.Metrics,
            SilosUsed = perSilo.Keys.Order(StringComparer.Ordinal).ToList(),
            Features = new ExperimentResults.FeaturesSection(
                spec.FeatureConfig,
                succeeded.Count > 0 ? succeeded[0].Result.Dimension : 0,
                succeeded.Count(t => !t.Result.Cached),
                succeeded.Count(t => t.Result.Cached),
                perSilo,
                succeeded.Sum(t => t.Result.AnalysedSeconds),
                succeeded.Sum(t => t.Result.DurationSeconds),
                succeeded.Sum(t => t.Result.Segments),
                [.. succeeded.Select(t => t.Result)
                    .Where(r => r.AnalysedSeconds < r.DurationSeconds - 1e-3)
                    .Select(r => new ExperimentResults.PartialTrack(TrackName(r.TrackId), r.AnalysedSeconds, r.DurationSeconds))]),
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
                spec.K,
                primary.Clusters,
                primary.Noise,
                analysis.LabelsAvailable,
                succeeded.Select((t, i) => (t.Track.Id, Cluster: analysis.PrimaryAssignments[i])).ToDictionary(p => p.Id, p => p.Cluster)),
            Rows = analysis.Rows,
            Representations = analysis.Rows
                .Select(r => (r.Representation, r.Seed)).Distinct()
                .Select(key => Describe(analysis, key.Representation, key.Seed))
                .OfType<ExperimentResults.RepresentationSection>()
                .ToList(),
            Lyrics = analysis.Lyrics,
            Tsne = analysis.Tsne,
            Artifacts = artifacts,
            Failed = extraction.Failed
                .Select(f => new ExperimentResults.FailedTrack(TrackName(f.TrackId), f.FailureReason ?? "unknown", f.FailureMessage ?? ""))
                .ToList(),
            Notes = notes,
            TimingsSeconds = timings,
            Spec = spec,
            Versions = Versions(),
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

    /// <summary>Track grain keys are "dataset/track"; results name the track.</summary>
    private static string TrackName(string key) => key[(key.IndexOf('/') + 1)..];

    private static Dictionary<string, string> Versions() => new()
    {
        ["product"] = typeof(ResultsBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev",
        ["dotnet"] = Environment.Version.ToString(),
        ["orleans"] = typeof(Grain).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "",
    };
}
