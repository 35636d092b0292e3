using MusicClustering.Analysis;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Experiments;

namespace MusicClustering.Integration.Tests.Output;

/// <summary>Outputs with every optional section filled in, so each field name shows in the JSON.</summary>
internal static class JsonOutputSamples
{
    public static ExperimentResults Results()
    {
        var metrics = new ClusteringMetrics(0.1, 2, 0.3, Ari: 0.5, Nmi: 0.4, Accuracy: 0.6, Purity: 0.7, Clusters: 4, NoisePoints: 0);
        var row = new MetricRow("vae", Fusions.Audio, "kmeans", 0, false, metrics, 4, 0, new Dictionary<string, double> { ["n_clusters"] = 4 }, 0.01);
        return new ExperimentResults
        {
            Id = "id",
            Name = "name",
            Dataset = "d",
            Tracks = 2,
            Metrics = metrics,
            SilosUsed = ["silo@127.0.0.1:11111"],
            Features = new ExperimentResults.FeaturesSection("stats", 40, 1, 1, new Dictionary<string, int> { ["silo@127.0.0.1:11111"] = 2 }),
            Model = new ExperimentResults.ModelSection("vae", 16, 1, 50, "cpu", "silo@127.0.0.1:11111", 0.5, "models/r/model.bin", "models/r/latents.f32"),
            Clustering = new ExperimentResults.ClusteringSection("kmeans", 4, 4, 0, true, new Dictionary<string, int> { ["t1"] = 0 }),
            Rows = [row],
            Representations =
            [
                new ExperimentResults.RepresentationSection(
                    "vae", "vae", 1, 16, 0, false, "cpu", "silo@127.0.0.1:11111", 0.5, null,
                    new Dictionary<string, string> { ["model"] = "models/r/model.bin" },
                    new LatentDiagnostics(3, [0.1, 0.2], 0.3, 0.4)),
            ],
            Lyrics = new ExperimentResults.LyricsSection(1, 1, 10, 2, 1, "rule"),
            Tsne = new ExperimentResults.TsneSection("vae/audio", 30, 0.9, ["tsne_clusters.png"], 1.5),
            Artifacts = ["results.json"],
            Failed = [new ExperimentResults.FailedTrack("t3", "empty_data", "no samples")],
            Notes = ["note"],
            TimingsSeconds = new Dictionary<string, double> { ["total"] = 1 },
            Spec = new ExperimentSpec(
                "name", "d", Representations: [new RepresentationSpec()], Fusions: [Fusions.Audio], Algorithms: ["kmeans"], Seeds: [0],
                Training: new TrainingSpec(HiddenSizes: [8]), Lyrics: new LyricsSpec()),
            Versions = new Dictionary<string, string> { ["product"] = "dev" },
            CompletedAt = DateTimeOffset.UnixEpoch,
        };
    }
}
