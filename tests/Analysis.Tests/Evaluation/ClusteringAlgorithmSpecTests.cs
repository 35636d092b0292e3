using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Analysis.Tests.Evaluation;

public class ClusteringAlgorithmSpecTests
{
    [Theory]
    [InlineData("kmeans", "kmeans")]
    [InlineData(" KMeans ", "kmeans")]
    [InlineData("kmeans:n_init=3", "kmeans(n_init=3)")]
    [InlineData("agglomerative", "agglomerative-ward")]
    [InlineData("agglomerative:ward", "agglomerative-ward")]
    [InlineData("agglomerative:average", "agglomerative-average")]
    [InlineData("agglomerative:linkage=complete", "agglomerative-complete")]
    [InlineData("dbscan", "dbscan(eps=auto)")]
    [InlineData("dbscan:eps=auto", "dbscan(eps=auto)")]
    [InlineData("dbscan:eps=0.5,min_samples=5", "dbscan(eps=0.5)")]
    [InlineData("dbscan:min_samples=3", "dbscan(eps=auto,min_samples=3)")]
    [InlineData("spectral", "spectral")]
    [InlineData("spectral:n_neighbors=15,assign_labels=KMeans", "spectral(n_neighbors=15,assign_labels=kmeans)")]
    [InlineData("gmm", "gmm-full")]
    [InlineData("gmm:covariance_type=diag", "gmm-diag")]
    [InlineData("gmm:covariance_type=spherical,n_init=3,reg_covar=0.001", "gmm-spherical(n_init=3,reg_covar=0.001)")]
    [InlineData("minibatch-kmeans", "minibatch-kmeans")]
    [InlineData("minibatch-kmeans:batch_size=256", "minibatch-kmeans(batch_size=256)")]
    public void Parse_GivesExpectedLabel(string text, string label)
    {
        Assert.Equal(label, ClusteringAlgorithmSpec.Parse(text).Label);
    }

    [Fact]
    public void Parse_FillsFields()
    {
        var spec = ClusteringAlgorithmSpec.Parse("dbscan:eps=0.25,min_samples=7");
        Assert.Equal(ClusteringAlgorithmSpec.Dbscan(0.25, 7), spec);
        Assert.Equal(Linkage.Average, ClusteringAlgorithmSpec.Parse("agglomerative:average").Linkage);
        Assert.Equal(4, ClusteringAlgorithmSpec.Parse("kmeans:n_init=4").NInit);
        Assert.Equal(CovarianceType.Tied, ClusteringAlgorithmSpec.Parse("gmm:covariance_type=tied").CovarianceType);
        Assert.Equal(1, ClusteringAlgorithmSpec.Parse("gmm").NInit);
        Assert.Equal(3, ClusteringAlgorithmSpec.Parse("minibatch-kmeans").NInit);
        Assert.Equal(20, ClusteringAlgorithmSpec.Parse("spectral:n_neighbors=20").NNeighbors);
    }

    [Theory]
    [InlineData("hdbscan", "Unknown clustering algorithm 'hdbscan'")]
    [InlineData("gmm:covariance_type=banana", "covariance_type must be full, tied, diag or spherical")]
    [InlineData("gmm:tol=0", "tol must be a positive number but")]
    [InlineData("spectral:assign_labels=discretize", "assign_labels must be cluster_qr or kmeans")]
    [InlineData("spectral:n_neighbors=1", "n_neighbors must be at least 2")]
    [InlineData("minibatch-kmeans:eps=1", "Unknown parameter 'eps'")]
    [InlineData("agglomerative:median", "Unknown linkage 'median'")]
    [InlineData("agglomerative:1", "Unknown linkage '1'")]
    [InlineData("dbscan:epsilon=1", "Unknown parameter 'epsilon'")]
    [InlineData("dbscan:eps=-1", "eps must be a positive number")]
    [InlineData("dbscan:min_samples=two", "min_samples must be a positive integer")]
    [InlineData("dbscan:eps", "Expected name=value")]
    [InlineData("kmeans:linkage=ward", "Unknown parameter 'linkage'")]
    public void Parse_RejectsClearly(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => ClusteringAlgorithmSpec.Parse(text));
        Assert.Contains(message, error.Message);
    }
}
