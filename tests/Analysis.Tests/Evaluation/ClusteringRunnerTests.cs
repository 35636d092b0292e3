using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Analysis.Tests.Evaluation;

/// <summary>The new algorithms through the runner that experiments use, with their parameters and diagnostics.</summary>
public class ClusteringRunnerTests
{
    private static readonly (double[][] X, int[] Truth) Data = SyntheticBlobs.Make(400, 5, 4, 1.0, 12);

    [Theory]
    [InlineData("spectral")]
    [InlineData("spectral:assign_labels=kmeans")]
    [InlineData("gmm")]
    [InlineData("gmm:covariance_type=diag")]
    [InlineData("gmm:covariance_type=tied")]
    [InlineData("gmm:covariance_type=spherical")]
    [InlineData("minibatch-kmeans:batch_size=100")]
    public void New_algorithms_recover_well_separated_blobs(string text)
    {
        var outcome = ClusteringRunner.Run(Data.X, ClusteringAlgorithmSpec.Parse(text), 4, seed: 1);
        Assert.Equal(4, outcome.Clusters);
        Assert.True(ExternalMetrics.AdjustedRandIndex(Data.Truth, outcome.Labels) > 0.99, text);
        Assert.Equal(1, outcome.Parameters["random_state"]);
    }

    [Fact]
    public void Gmm_reports_its_fit()
    {
        var outcome = ClusteringRunner.Run(Data.X, ClusteringAlgorithmSpec.Parse("gmm:covariance_type=diag"), 4, seed: 0);
        Assert.True(outcome.Diagnostics["bic"] > outcome.Diagnostics["aic"]);
        Assert.Equal(1, outcome.Diagnostics["converged"]);
        Assert.Equal(4, outcome.Parameters["n_components"]);
    }

    [Fact]
    [Trait("Category", "Heavy")]
    public void Large_agglomerative_runs_on_a_sample_and_labels_everyone()
    {
        var (x, truth) = SyntheticBlobs.Make(ClusteringRunner.AgglomerativeMaxSamples + 2_000, 4, 5, 0.8, 2);
        var outcome = ClusteringRunner.Run(x, ClusteringAlgorithmSpec.Agglomerative(), 5, seed: 0);
        Assert.Equal(ClusteringRunner.AgglomerativeMaxSamples, outcome.Parameters["sample_size"]);
        Assert.True(ExternalMetrics.AdjustedRandIndex(truth, outcome.Labels) > 0.99);
    }
}
