using MusicClustering.Analysis.Neighbors;
using MusicClustering.Analysis.Sampling;

namespace MusicClustering.Analysis.Evaluation;

/// <summary>
/// Runs one <see cref="ClusteringAlgorithmSpec"/>; k is ignored by DBSCAN, seed matters for K-Means, spectral
/// (start vector, K-Means assignment), GMM and mini-batch K-Means. Above <see cref="FullKMeansMaxSamples"/> points
/// "kmeans" runs as mini-batch K-Means, and above <see cref="AgglomerativeMaxSamples"/> agglomerative clustering
/// builds its tree on a fixed-seed sample and gives every other point its nearest sampled neighbour's cluster, so no
/// O(n²) matrix is ever allocated; both are recorded in the parameters.
/// </summary>
public static class ClusteringRunner
{
    public const int FullKMeansMaxSamples = 50_000;
    public const int AgglomerativeMaxSamples = 10_000;

    public static ClusteringOutcome Run(double[][] x, ClusteringAlgorithmSpec spec, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        switch (spec.Name)
        {
            case ClusteringAlgorithmSpec.KMeansName when x.Length > FullKMeansMaxSamples:
                return RunMiniBatch(x, ClusteringAlgorithmSpec.MiniBatchKMeans, k, seed, promoted: true);
            case ClusteringAlgorithmSpec.KMeansName:
            {
                var result = KMeans.Fit(x, new KMeansOptions { NClusters = k, NInit = spec.NInit, Seed = seed });
                return new ClusteringOutcome(result.Labels, Count(result.Labels), 0, result.Inertia, null, null,
                    new Dictionary<string, double> { ["n_clusters"] = k, ["n_init"] = spec.NInit, ["random_state"] = seed });
            }
            case ClusteringAlgorithmSpec.MiniBatchKMeansName:
                return RunMiniBatch(x, spec, k, seed, promoted: false);
            case ClusteringAlgorithmSpec.AgglomerativeName:
                return RunAgglomerative(x, spec, k, seed);
            case ClusteringAlgorithmSpec.SpectralName:
            {
                var options = new SpectralOptions { NClusters = k, NNeighbors = spec.NNeighbors, AssignLabels = spec.AssignLabels, NInit = spec.NInit, Seed = seed };
                double[][] embedding = SpectralClustering.Embed(x, options, out int components);
                int[] labels = SpectralClustering.Assign(embedding, options);
                return new ClusteringOutcome(labels, Count(labels), 0, null, null, null,
                    new Dictionary<string, double> { ["n_clusters"] = k, ["n_neighbors"] = spec.NNeighbors, ["random_state"] = seed })
                {
                    Diagnostics = new Dictionary<string, double> { ["graph_components"] = components },
                };
            }
            case ClusteringAlgorithmSpec.GmmName:
            {
                var model = GaussianMixture.Fit(x, new GaussianMixtureOptions
                {
                    NComponents = k, CovarianceType = spec.CovarianceType, NInit = spec.NInit, MaxIter = spec.MaxIter, Tol = spec.Tol, RegCovar = spec.RegCovar, Seed = seed,
                });
                return new ClusteringOutcome(model.Labels, Count(model.Labels), 0, null, null, null,
                    new Dictionary<string, double>
                    {
                        ["n_components"] = k, ["n_init"] = spec.NInit, ["max_iter"] = spec.MaxIter, ["tol"] = spec.Tol, ["reg_covar"] = spec.RegCovar, ["random_state"] = seed,
                    })
                {
                    Diagnostics = new Dictionary<string, double>
                    {
                        ["avg_log_likelihood"] = model.Score(x), ["bic"] = model.Bic(x), ["aic"] = model.Aic(x),
                        ["n_iter"] = model.Iterations, ["converged"] = model.Converged ? 1 : 0,
                    },
                };
            }
            case ClusteringAlgorithmSpec.DbscanName:
            {
                if (spec.Eps is not null)
                {
                    var given = Dbscan.Fit(x, new DbscanOptions { Eps = spec.Eps, MinSamples = spec.MinSamples });
                    return new ClusteringOutcome(given.Labels, given.Clusters, given.Noise, null, given.Eps, false,
                        new Dictionary<string, double> { ["eps"] = given.Eps, ["min_samples"] = spec.MinSamples });
                }

                var choice = DbscanEpsSearch.Fit(x, spec.MinSamples);
                var result = choice.Result;
                var parameters = new Dictionary<string, double> { ["eps"] = result.Eps, ["min_samples"] = spec.MinSamples };
                if (choice.Quantile is { } quantile)
                {
                    parameters["eps_kdistance_quantile"] = quantile;
                }

                return new ClusteringOutcome(result.Labels, result.Clusters, result.Noise, null, result.Eps, result.EpsFromKnee, parameters);
            }
            default:
                throw new ArgumentException($"Unknown clustering algorithm '{spec.Name}'.", nameof(spec));
        }
    }

    private static ClusteringOutcome RunMiniBatch(double[][] x, ClusteringAlgorithmSpec spec, int k, int seed, bool promoted)
    {
        var result = MiniBatchKMeans.Fit(x, new MiniBatchKMeansOptions { NClusters = k, BatchSize = spec.BatchSize, NInit = spec.NInit, MaxIter = spec.MaxIter, Seed = seed });
        var parameters = new Dictionary<string, double>
        {
            ["n_clusters"] = k, ["n_init"] = spec.NInit, ["batch_size"] = spec.BatchSize, ["max_iter"] = spec.MaxIter, ["random_state"] = seed,
        };
        if (promoted)
        {
            // "kmeans" on more than FullKMeansMaxSamples points: recorded so a reader knows which algorithm ran.
            parameters["mini_batch"] = 1;
        }
        return new ClusteringOutcome(result.Labels, Count(result.Labels), 0, result.Inertia, null, null, parameters);
    }

    private static ClusteringOutcome RunAgglomerative(double[][] x, ClusteringAlgorithmSpec spec, int k, int seed)
    {
        var parameters = new Dictionary<string, double> { ["n_clusters"] = k };
        if (x.Length <= AgglomerativeMaxSamples)
        {
            int[] exact = AgglomerativeClustering.Fit(x, k, spec.Linkage);
            return new ClusteringOutcome(exact, Count(exact), 0, null, null, null, parameters);
        }
        int[] sample = SampledMetrics.Sample(x.Length, AgglomerativeMaxSamples, seed);
        double[][] sampled = sample.Select(i => x[i]).ToArray();
        int[] sampleLabels = AgglomerativeClustering.Fit(sampled, k, spec.Linkage);
        var labels = new int[x.Length];
        using (var index = NeighborIndex.Build(sampled))
        {
            Parallel.For(0, x.Length, i => labels[i] = sampleLabels[index.Query(x[i], 1)[0].Index]);
        }
        parameters["sample_size"] = AgglomerativeMaxSamples;
        parameters["random_state"] = seed;
        return new ClusteringOutcome(labels, Count(labels), 0, null, null, null, parameters);
    }

    private static int Count(int[] labels) => labels.Where(l => l != MetricSuite.NoiseLabel).Distinct().Count();
}
