namespace MusicClustering.Analysis.Evaluation;

/// <summary>Runs one <see cref="ClusteringAlgorithmSpec"/>; k is ignored by DBSCAN, seed only matters for K-Means.</summary>
public static class ClusteringRunner
{
    public static ClusteringOutcome Run(double[][] x, ClusteringAlgorithmSpec spec, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        switch (spec.Name)
        {
            case ClusteringAlgorithmSpec.KMeansName:
            {
                var result = KMeans.Fit(x, new KMeansOptions { NClusters = k, NInit = spec.NInit, Seed = seed });
                return new ClusteringOutcome(result.Labels, Count(result.Labels), 0, result.Inertia, null, null,
                    new Dictionary<string, double> { ["n_clusters"] = k, ["n_init"] = spec.NInit, ["random_state"] = seed });
            }
            case ClusteringAlgorithmSpec.AgglomerativeName:
            {
                int[] labels = AgglomerativeClustering.Fit(x, k, spec.Linkage);
                return new ClusteringOutcome(labels, Count(labels), 0, null, null, null,
                    new Dictionary<string, double> { ["n_clusters"] = k });
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

    private static int Count(int[] labels) => labels.Where(l => l != MetricSuite.NoiseLabel).Distinct().Count();
}
