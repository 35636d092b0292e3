using System.Text.Json;

namespace MusicClustering.Analysis.Tests;

/// <summary>Gaussian mixtures against sklearn 1.2's GaussianMixture on the shared 1000 × 57 standardized table.</summary>
public class GaussianMixtureTests
{
    private static JsonElement Gmm(string type) => ReferenceData.ClusteringReference.GetProperty("gmm").GetProperty(type);

    private static int[] KMeansStart => ReferenceData.Ints(ReferenceData.ClusteringReference.GetProperty("kmeans_init_labels"));

    [Theory]
    [InlineData(CovarianceType.Full, "full")]
    [InlineData(CovarianceType.Diag, "diag")]
    [InlineData(CovarianceType.Tied, "tied")]
    [InlineData(CovarianceType.Spherical, "spherical")]
    public void Same_start_gives_sklearns_EM_path(CovarianceType type, string name)
    {
        // From sklearn's own K-Means start, EM is deterministic: iterations equal, likelihoods to rounding.
        var reference = Gmm(name);
        double[][] x = ReferenceData.Standardized;
        var model = GaussianMixture.Fit(x, new GaussianMixtureOptions { NComponents = 10, CovarianceType = type, InitialLabels = KMeansStart });
        Assert.Equal(reference.GetProperty("n_iter").GetInt32(), model.Iterations);
        Assert.Equal(reference.GetProperty("converged").GetBoolean(), model.Converged);
        Tolerance.Relative(reference.GetProperty("lower_bound").GetDouble(), model.LowerBound, rel: 1e-9, what: "lower_bound_");
        Tolerance.Relative(reference.GetProperty("avg_log_likelihood").GetDouble(), model.Score(x), rel: 1e-9, what: "score");
        Tolerance.Relative(reference.GetProperty("bic").GetDouble(), model.Bic(x), rel: 1e-9, what: "bic");
        double[] weights = reference.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int c = 0; c < weights.Length; c++)
        {
            Tolerance.Relative(weights[c], model.Weights[c], rel: 1e-7, what: $"weights_[{c}]");
        }
        Assert.Equal(ReferenceData.Ints(reference.GetProperty("labels")), model.Labels);
    }

    [Theory]
    [InlineData(CovarianceType.Diag, "diag", 0.9)]
    [InlineData(CovarianceType.Full, "full", 0.85)]
    public void Own_kmeans_starts_reach_optima_like_sklearns(CovarianceType type, string name, double minAri)
    {
        // init_params='kmeans' with our K-Means draws other starts than numpy's stream, so single seeds land in other
        // local optima (sklearn's own seeds 0..4 spread by ~0.2% in score). Compared: the median score over seeds 0..4
        // (within 1%) and the best partition's agreement with sklearn's seed-0 fit (ARI >= 0.9; 0.85 for 'full', whose
        // 1,653 covariance parameters per component on ~100 points leave the optimum loosely determined).
        double[][] x = ReferenceData.Standardized;
        int[] expected = ReferenceData.Ints(Gmm(name).GetProperty("labels"));
        double sklearnMedian = Median(ReferenceData.ClusteringReference.GetProperty("gmm_seeds").GetProperty(name).EnumerateArray().Select(e => e.GetDouble()));
        var models = Enumerable.Range(0, 5)
            .Select(seed => GaussianMixture.Fit(x, new GaussianMixtureOptions { NComponents = 10, CovarianceType = type, Seed = seed }))
            .ToList();
        Tolerance.Relative(sklearnMedian, Median(models.Select(m => m.Score(x))), rel: 0.01, what: "median score over seeds");
        double bestAri = models.Max(m => ExternalMetrics.AdjustedRandIndex(expected, m.Labels));
        Assert.True(bestAri >= minAri, $"best ARI vs sklearn {bestAri:F4}");
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [Fact]
    public void Shared_reference_diag_mixture_matches()
    {
        // The shared reference (sklearn_spectral_gmm.json) holds the same diag fit: likelihood, BIC and the partition.
        var shared = ReferenceData.Json("sklearn_spectral_gmm.json").GetProperty("gmm_diag");
        double[][] x = ReferenceData.Standardized;
        var model = GaussianMixture.Fit(x, new GaussianMixtureOptions { NComponents = 10, CovarianceType = CovarianceType.Diag, InitialLabels = KMeansStart });
        Tolerance.Relative(shared.GetProperty("avg_log_likelihood").GetDouble(), model.Score(x), rel: 1e-9, what: "score");
        Tolerance.Relative(shared.GetProperty("bic").GetDouble(), model.Bic(x), rel: 1e-9, what: "bic");
        Assert.Equal(1.0, ExternalMetrics.AdjustedRandIndex(ReferenceData.Ints(shared.GetProperty("labels")), model.Labels), 12);
    }

    [Fact]
    public void More_restarts_never_lower_the_bound()
    {
        var (x, _) = SyntheticBlobs.Make(400, 3, 4, 2.5, 9);
        var one = GaussianMixture.Fit(x, new GaussianMixtureOptions { NComponents = 4, Seed = 1 });
        var five = GaussianMixture.Fit(x, new GaussianMixtureOptions { NComponents = 4, Seed = 1, NInit = 5 });
        Assert.True(five.LowerBound >= one.LowerBound - 1e-12);
        Assert.Equal(one.Labels.Length, five.Predict(x).Length);
    }

    [Fact]
    public void Collapsed_component_fails_with_sklearns_message()
    {
        double[][] x = Enumerable.Range(0, 10).Select(i => new[] { i < 5 ? 0.0 : 1.0, 0.0 }).ToArray();
        var error = Assert.Throws<InvalidOperationException>(() =>
            GaussianMixture.Fit(x, new GaussianMixtureOptions { NComponents = 2, RegCovar = 0, CovarianceType = CovarianceType.Full }));
        Assert.Contains("reg_covar", error.Message);
    }
}
