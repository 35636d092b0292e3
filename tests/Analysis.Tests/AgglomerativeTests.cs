namespace MusicClustering.Analysis.Tests;

public class AgglomerativeTests
{
    [Theory]
    [InlineData(Linkage.Ward, "ward")]
    [InlineData(Linkage.Average, "average")]
    [InlineData(Linkage.Complete, "complete")]
    [InlineData(Linkage.Single, "single")]
    public void Ten_clusters_match_sklearn_partition(Linkage linkage, string name)
    {
        int[] expected = ReferenceData.ReadLabels($"agglomerative_{name}_labels.csv");
        int[] labels = AgglomerativeClustering.Fit(ReferenceData.Standardized, 10, linkage);
        Assert.Equal(10, labels.Distinct().Count());
        Assert.Equal(1.0, ExternalMetrics.AdjustedRandIndex(expected, labels), 12);
    }

    [Fact]
    public void Small_example_ward_merges_nearest_pairs_first()
    {
        double[][] x = [[0, 0], [0, 1], [10, 0], [10, 1.5], [30, 0]];
        Assert.Equal([0, 0, 1, 1, 2], AgglomerativeClustering.Fit(x, 3, Linkage.Ward));
        Assert.Equal([0, 0, 1, 1, 2], AgglomerativeClustering.Fit(x, 3, Linkage.Single));
        Assert.Equal([0, 0, 0, 0, 0], AgglomerativeClustering.Fit(x, 1, Linkage.Average));
    }
}
