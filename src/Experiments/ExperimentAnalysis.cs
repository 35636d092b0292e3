using System.Diagnostics;
using MusicClustering.Analysis;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>
/// Clusters every representation × fusion with every algorithm and seed, scores each, projects the primary space with
/// t-SNE and draws it. Pure CPU work with no Orleans in it: the experiment grain runs it on the thread pool, and
/// <c>cluster evaluate</c> runs it in-process.
/// </summary>
public static class ExperimentAnalysis
{
    public const string TsneByCluster = "tsne_clusters.png";
    public const string TsneByLabel = "tsne_labels.png";
    public const double TsnePerplexity = 30;

    public const string MissingLyricsRule =
        "TF-IDF is fitted on the tracks that have lyrics; tracks without lyrics get an all-zero lyric block, so audio alone places them.";

    /// <summary>
    /// The t-SNE perplexity for <paramref name="points"/> points: 30, or for small sets (n - 1) / 3 (at least 2), so each
    /// point still has a neighbourhood rather than everyone.
    /// </summary>
    public static double PerplexityFor(int points) => Math.Min(TsnePerplexity, Math.Max(2, (points - 1) / 3.0));

    public static AnalysisOutput Run(AnalysisInput input)
    {
        var spec = input.Spec;
        var notes = new List<string> { "Internal metrics (silhouette, Calinski–Harabasz, Davies–Bouldin) exclude DBSCAN noise points." };
        var truth = TruthLabels.Encode(input.Labels);
        if (truth is null)
        {
            notes.Add("Some tracks have no label, so ARI, NMI, accuracy and purity are not computed.");
        }

        var lyrics = BuildLyrics(input, notes);
        var algorithms = spec.EffectiveAlgorithms.Select(ClusteringAlgorithmSpec.Parse).ToList();
        var kmeansOnly = new[] { ClusteringAlgorithmSpec.KMeans };
        var rows = new List<MetricRow>();
        (MetricRow Row, int[] Labels, double[][] Space, BuiltRepresentation Representation)? primary = null;
        KSelection? kSelection = null;

        foreach (var representation in input.Representations)
        {
            if (input.Reused is { } reused && reused.Built(representation))
            {
                // The earlier run's space and centroids: one row, audio only (the model never saw lyrics).
                var evaluated = reused.Evaluate(representation.Rows, truth);
                var row = MetricRow.From(reused.Label, Fusions.Audio, reused.Plan.Seed, baseline: false, evaluated);
                rows.Add(row);
                primary ??= (row, evaluated.Outcome.Labels, representation.Rows, representation);
                continue;
            }

            var baseline = representation.Plan.Baseline;
            foreach (var fusion in baseline ? [Fusions.Audio] : spec.EffectiveFusions)
            {
                var space = Space(representation.Rows, fusion, lyrics?.Rows, spec.EffectiveLyrics.Weight);
                if (space is null)
                {
                    continue;
                }

                var seeds = representation.Spec().IsTrained ? [representation.Plan.Seed] : spec.EffectiveSeeds;
                // k auto: chosen once, on the primary space, with the first algorithm that has a k; every row uses it.
                // A reused model brings its k.
                kSelection ??= spec.ChoosesK && input.Reused is null ? KSelector.Choose(space, algorithms.First(a => a.Name != ClusteringAlgorithmSpec.DbscanName), spec.EffectiveSeeds[0]) : null;
                var k = kSelection?.ChosenK ?? (spec.ChoosesK ? input.Reused?.K : null) ?? spec.K;
                foreach (var seed in seeds)
                {
                    foreach (var evaluated in SpaceEvaluation.Evaluate(space, truth, baseline ? kmeansOnly : algorithms, k, seed))
                    {
                        var row = MetricRow.From(representation.Plan.Spec.Label, fusion, seed, baseline, evaluated);
                        rows.Add(row);
                        primary ??= (row, evaluated.Outcome.Labels, space, representation);
                    }
                }
            }
        }

        if (primary is null)
        {
            throw new InvalidOperationException("no clustering space could be built from this spec");
        }

        // Reused centroids carry the earlier run's ids themselves; a refit is renamed after it by overlap.
        var clusters = input.Reused is { } model && model.Built(primary.Value.Representation)
            ? model.ClusterIds(primary.Value.Labels)
            : StableIds(input.TrackIds, primary.Value.Labels, input.PreviousClusters);
        var images = new Dictionary<string, byte[]>();
        var tsne = spec.Tsne ? Project(primary.Value.Space, clusters, input.Labels, truth, spec.EffectiveSeeds[0], primary.Value.Row, images) : default;
        var assignments = input.TrackIds.Select((id, i) => (id, Cluster: clusters[i])).ToDictionary(p => p.id, p => p.Cluster);
        return new AnalysisOutput(
            rows,
            primary.Value.Row,
            assignments,
            primary.Value.Representation,
            truth is not null,
            lyrics is null ? null : new ExperimentResults.LyricsSection(
                input.TrackIds.Count - lyrics.MissingCount, lyrics.MissingCount, lyrics.VocabularySize, lyrics.Components, spec.EffectiveLyrics.Weight, MissingLyricsRule),
            tsne.Section,
            images,
            notes,
            input.Representations,
            kSelection,
            tsne.Embedding,
            input.PreviousClusters is { } previous ? ClusterDrift.Between(assignments, previous) : null);
    }

    /// <summary>The primary labels, renamed after the earlier run's clusters when there is one (metrics do not depend on names).</summary>
    private static int[] StableIds(IReadOnlyList<string> tracks, int[] labels, IReadOnlyDictionary<string, int>? previous)
    {
        if (previous is null)
        {
            return labels;
        }

        var mapping = ClusterIdMapping.Map(tracks, labels, previous);
        return Array.ConvertAll(labels, l => mapping[l]);
    }

    private static RepresentationSpec Spec(this BuiltRepresentation representation) => representation.Plan.Spec;

    private static LyricsMatrix? BuildLyrics(AnalysisInput input, List<string> notes)
    {
        if (input.Spec.EffectiveFusions.All(f => f == Fusions.Audio))
        {
            return null;
        }

        if (input.Lyrics is null)
        {
            notes.Add("The dataset has no lyrics, so lyric and hybrid spaces were skipped.");
            return null;
        }

        var settings = input.Spec.EffectiveLyrics;
        var matrix = LyricsFeatures.Build(input.Lyrics, new LyricsOptions
        {
            MaxFeatures = settings.MaxFeatures,
            MinDf = settings.MinDf,
            MaxDf = settings.MaxDf,
            SublinearTf = settings.SublinearTf,
            SvdComponents = settings.SvdComponents,
            Seed = input.Spec.EffectiveSeeds[0],
        });
        notes.Add(MissingLyricsRule + $" {matrix.MissingCount} of {input.TrackIds.Count} tracks have no lyrics.");
        return matrix;
    }

    private static double[][]? Space(double[][] audio, string fusion, double[][]? lyrics, double weight) => fusion switch
    {
        Fusions.Audio => audio,
        Fusions.Lyrics => lyrics,
        Fusions.Hybrid => lyrics is null ? null : FeatureSpace.Hybrid(audio, lyrics, weight),
        _ => throw new ArgumentOutOfRangeException(nameof(fusion), fusion, "unknown fusion"),
    };

    private static (ExperimentResults.TsneSection? Section, double[][]? Embedding) Project(
        double[][] space, int[] clusters, IReadOnlyList<string?> labelNames, int[]? truth, int seed, MetricRow row, Dictionary<string, byte[]> images)
    {
        var watch = Stopwatch.StartNew();
        var perplexity = PerplexityFor(space.Length);
        var projection = TsneProjection.Run(space, seed, perplexity);
        var title = $"{row.Representation} / {row.Fusion} / {row.Algorithm}";
        images[TsneByCluster] = ScatterPlot.RenderPng(projection.Embedding, clusters, $"t-SNE of {title}, coloured by cluster", 900, 700);
        if (truth is not null)
        {
            var names = new string[truth.Max() + 1];
            for (var i = 0; i < truth.Length; i++)
            {
                names[truth[i]] = labelNames[i]!;
            }

            images[TsneByLabel] = ScatterPlot.RenderPng(projection.Embedding, truth, $"t-SNE of {title}, coloured by label", 900, 700, names);
        }

        var section = new ExperimentResults.TsneSection($"{row.Representation}/{row.Fusion}", perplexity, projection.Trustworthiness, images.Keys.Order().ToList(), watch.Elapsed.TotalSeconds,
            projection.TrustworthinessSampling, projection.OptimisedPoints);
        return (section, projection.Embedding);
    }
}
