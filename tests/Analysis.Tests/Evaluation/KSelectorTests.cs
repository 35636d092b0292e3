using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Analysis.Tests.Evaluation;

/// <summary>Label-free choice of k over a range, with the curve recorded.</summary>
public class KSelectorTests
{
    [Theory]
    [InlineData("kmeans", KSelector.Silhouette)]
    [InlineData("agglomerative", KSelector.Silhouette)]
    [InlineData("spectral", KSelector.Silhouette)]
    [InlineData("gmm:covariance_type=diag", KSelector.Bic)]
    public void Finds_the_number_of_separated_blobs(string algorithm, string criterion)
    {
        var (x, _) = SyntheticBlobs.Make(300, 4, 5, 0.8, 6);
        var selection = KSelector.Choose(x, ClusteringAlgorithmSpec.Parse(algorithm), seed: 0, maxK: 9);
        Assert.Equal(5, selection.ChosenK);
        Assert.Equal(criterion, selection.Criterion);
        Assert.Equal(Enumerable.Range(2, 8), selection.Curve.Select(p => p.K));
        Assert.Equal([2, 9], selection.Range);
    }

    [Fact]
    public void Six_songs_cap_the_range_by_n()
    {
        double[][] x = [[0, 0], [0.1, 0], [5, 5], [5.1, 5], [10, 0], [10.1, 0.1]];
        var selection = KSelector.Choose(x, ClusteringAlgorithmSpec.KMeans, seed: 0);
        Assert.Equal([2, 5], selection.Range);
        Assert.Equal(4, selection.Curve.Count);
        Assert.Equal(3, selection.ChosenK);
        var gmm = KSelector.Choose(x, ClusteringAlgorithmSpec.Gmm(CovarianceType.Full), seed: 0);
        Assert.Equal(gmm.Curve.Where(p => p.Score is not null).MinBy(p => p.Score)!.K, gmm.ChosenK);
    }

    [Fact]
    public void Too_few_points_give_one_cluster_and_dbscan_is_refused()
    {
        double[][] two = [[0.0], [1.0]];
        var selection = KSelector.Choose(two, ClusteringAlgorithmSpec.KMeans, seed: 0);
        Assert.Equal(1, selection.ChosenK);
        Assert.Empty(selection.Curve);
        Assert.Throws<ArgumentException>(() => KSelector.Choose(two, ClusteringAlgorithmSpec.Dbscan(), seed: 0));
    }
}
