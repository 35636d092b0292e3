using System.Reflection;
using MusicClustering.Contracts;

namespace MusicClustering.Grains;

/// <summary>Assembles <c>results.json</c> from what each stage produced.</summary>
internal static class ResultsBuilder
{
    public static ExperimentResults Build(
        string id,
        ExperimentSpec spec,
        DatasetManifest manifest,
        ExtractionOutcome extraction,
        Representation representation,
        LatentAnalysis.Outcome analysis,
        bool labelled,
        IReadOnlyDictionary<string, double> timings)
    {
        var succeeded = extraction.Succeeded;
        var perSilo = succeeded.Select(t => t.Result).Concat(extraction.Failed)
            .GroupBy(r => r.Silo)
            .ToDictionary(g => g.Key, g => g.Count());
        var metrics = analysis.Metrics;
        var training = representation.Training;
        return new ExperimentResults
        {
            Id = id,
            Name = spec.Name,
            Dataset = spec.Dataset,
            Tracks = succeeded.Count,
            Metrics = new ExperimentResults.MetricsSection(
                metrics.Silhouette, metrics.CalinskiHarabasz, metrics.DaviesBouldin, metrics.Nmi, metrics.Ari, metrics.Accuracy),
            SilosUsed = perSilo.Keys.Order(StringComparer.Ordinal).ToList(),
            Features = new ExperimentResults.FeaturesSection(
                spec.FeatureConfig,
                succeeded.Count > 0 ? succeeded[0].Result.Dimension : 0,
                succeeded.Count(t => !t.Result.Cached),
                succeeded.Count(t => t.Result.Cached),
                perSilo),
            Model = new ExperimentResults.ModelSection(
                spec.Model,
                representation.Cols,
                spec.Beta,
                training is null ? 0 : spec.Epochs,
                training?.Device ?? "none",
                training?.Silo ?? "",
                training?.Loss,
                training?.Model?.ToString(),
                training?.Latents?.ToString()),
            Clustering = new ExperimentResults.ClusteringSection(
                "kmeans",
                spec.K,
                analysis.Inertia,
                labelled,
                succeeded.Select((t, i) => (t.Track.Id, Cluster: analysis.Assignments[i])).ToDictionary(p => p.Id, p => p.Cluster)),
            Failed = extraction.Failed
                .Select(f => new ExperimentResults.FailedTrack(f.TrackId, f.FailureReason ?? "unknown", f.FailureMessage ?? ""))
                .ToList(),
            TimingsSeconds = timings,
            Spec = spec,
            Versions = new Dictionary<string, string>
            {
                ["product"] = typeof(ResultsBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev",
                ["dotnet"] = Environment.Version.ToString(),
                ["orleans"] = typeof(Grain).Assembly.GetName().Version?.ToString() ?? "",
            },
            CompletedAt = DateTimeOffset.UtcNow,
        };
    }
}
