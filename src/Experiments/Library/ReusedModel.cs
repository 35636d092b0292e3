using System.Diagnostics;
using MusicClustering.Analysis;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments.Library;

/// <summary>
/// An earlier experiment's fitted model, reused by an update (<c>update_model: reuse</c>): every track's raw vector is
/// carried into that run's space with its stored scaler and projection (no training), and takes the cluster of the
/// nearest stored centroid (one K-Means assignment step, no refit), so the ids are that run's own.
/// </summary>
public sealed class ReusedModel : IDisposable
{
    /// <summary>The algorithm name of the reused row in the tables.</summary>
    public const string Algorithm = "kmeans (reused centroids)";

    private readonly SpaceProjector _projector;
    private readonly double[][] _centroids;
    private readonly int[] _ids;

    private ReusedModel(string from, LibraryIndex index, SpaceProjector projector, int seed)
    {
        From = from;
        Index = index;
        _projector = projector;
        var clusters = index.Clusters.Where(c => c.Cluster >= 0).OrderBy(c => c.Cluster).ToList();
        _centroids = [.. clusters.Select(c => c.Centroid)];
        _ids = [.. clusters.Select(c => c.Cluster)];
        Plan = new PlannedRepresentation(new RepresentationSpec(index.Projection.Model, Dimensions: _centroids[0].Length), seed, Baseline: false);
    }

    /// <summary>The experiment whose model this is.</summary>
    public string From { get; }

    /// <summary>Its library index: the scaler, the projection and the centroids, kept by the updated run's own index.</summary>
    public LibraryIndex Index { get; }

    /// <summary>The primary representation of the updated run, in place of the spec's own.</summary>
    public PlannedRepresentation Plan { get; }

    /// <summary>The earlier run's number of clusters (its centroids), which the baselines use too when k is auto.</summary>
    public int K => _centroids.Length;

    /// <summary>The row label: the earlier run's representation, marked as reused.</summary>
    public string Label => $"{Index.Representation} (reused)";

    /// <summary>
    /// Checks that <paramref name="index"/> can be reused for a spec on <paramref name="featureConfig"/>; every refusal
    /// is one line that says what to do instead.
    /// </summary>
    /// <param name="modelBytes">The stored model blob of a VAE space, else null.</param>
    public static ReusedModel Create(string from, LibraryIndex index, byte[]? modelBytes, string featureConfig, int seed)
    {
        if (index.FeatureConfig != featureConfig)
        {
            throw new ArgumentException(
                $"--update-from '{from}' used feature config '{index.FeatureConfig}', not '{featureConfig}': its model reads other vectors; use the same --features, or refit (--update-model refit)");
        }

        if (PatchRepresentationModels.Contains(index.Projection.Model) || !SpaceProjector.CanProject(index.Projection))
        {
            throw new ArgumentException(
                $"--update-from '{from}' clusters a '{index.Projection.Model}' space, which cannot be reused from feature vectors; reuse works for none, pca and vae spaces: refit instead (--update-model refit)");
        }

        if (!index.Clusters.Any(c => c.Cluster >= 0))
        {
            throw new ArgumentException($"--update-from '{from}' has no clusters to reuse (every track was noise); refit instead (--update-model refit)");
        }

        return new ReusedModel(from, index, SpaceProjector.Create(index, modelBytes), seed);
    }

    /// <summary>Whether <paramref name="representation"/> is the one <see cref="Build"/> made (not a spec's or a baseline).</summary>
    public bool Built(BuiltRepresentation representation) => ReferenceEquals(representation.Plan, Plan);

    /// <summary>The tracks' raw vectors (rows in track order) carried into the earlier run's space.</summary>
    public BuiltRepresentation Build(double[][] featureRows)
    {
        var rows = featureRows.Select(row => _projector.Project(Array.ConvertAll(row, v => (float)v))).ToArray();
        return new BuiltRepresentation(Plan, rows, null, null, new Dictionary<string, string>());
    }

    /// <summary>Each point's nearest stored centroid (labels are centroid positions; <see cref="ClusterIds"/> names them), scored.</summary>
    public EvaluationRow Evaluate(double[][] space, int[]? truth)
    {
        var watch = Stopwatch.StartNew();
        var labels = new int[space.Length];
        var inertia = 0.0;
        for (var i = 0; i < space.Length; i++)
        {
            var best = double.PositiveInfinity;
            for (var c = 0; c < _centroids.Length; c++)
            {
                var d = Distances.SquaredEuclidean(space[i], _centroids[c]);
                if (d < best)
                {
                    best = d;
                    labels[i] = c;
                }
            }

            inertia += best;
        }

        var outcome = new ClusteringOutcome(labels, labels.Distinct().Count(), 0, inertia, null, null, new Dictionary<string, double> { ["n_clusters"] = _centroids.Length });
        var metrics = MetricSuite.Compute(space, labels, truth, excludeNoise: true);
        return new EvaluationRow(Algorithm, outcome, metrics, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The earlier run's cluster ids of <see cref="Evaluate"/>'s labels.</summary>
    public int[] ClusterIds(int[] labels) => Array.ConvertAll(labels, l => _ids[l]);

    public void Dispose() => _projector.Dispose();
}
