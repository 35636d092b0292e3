using MusicClustering.Analysis.Neighbors;

namespace MusicClustering.Analysis.Tests;

/// <summary>Spectral clustering against sklearn 1.2's SpectralClustering(affinity='nearest_neighbors', n_neighbors=10).</summary>
public class SpectralClusteringTests
{
    // The eigensolvers differ (ARPACK shift-invert vs thick-restart Lanczos), so partitions are compared, not bits.
    // cluster_qr depends only on the eigenvectors' span: the partition should agree almost exactly.
    private const double ClusterQrMinAri = 0.95;

    // assign_labels='kmeans' also depends on numpy's random stream inside K-Means; ours seeds differently.
    private const double KMeansMinAri = 0.80;

    [Fact]
    public void ClusterQr_matches_sklearn_partition()
    {
        int[] expected = ReferenceData.Ints(ReferenceData.Json("sklearn_spectral_gmm.json").GetProperty("spectral").GetProperty("labels"));
        int[] labels = SpectralClustering.Fit(ReferenceData.Standardized, new SpectralOptions { NClusters = 10 });
        double ari = ExternalMetrics.AdjustedRandIndex(expected, labels);
        Assert.True(ari >= ClusterQrMinAri, $"ARI vs sklearn {ari:F4}");
        double truth = ExternalMetrics.AdjustedRandIndex(ReferenceData.Genre, labels);
        Tolerance.Relative(0.5007868682166275, truth, rel: 0.05, what: "ARI vs genre");
    }

    [Fact]
    public void KMeans_assignment_matches_sklearn_partition()
    {
        int[] expected = ReferenceData.Ints(ReferenceData.ClusteringReference.GetProperty("spectral_kmeans").GetProperty("labels"));
        int[] labels = SpectralClustering.Fit(ReferenceData.Standardized, new SpectralOptions { NClusters = 10, AssignLabels = SpectralOptions.KMeans });
        double ari = ExternalMetrics.AdjustedRandIndex(expected, labels);
        Assert.True(ari >= KMeansMinAri, $"ARI vs sklearn {ari:F4}");
    }

    [Fact]
    public void Embedding_columns_are_generalized_eigenvectors()
    {
        // D^(1/2)·e must be an eigenvector of D^(-1/2)·A·D^(-1/2): checked through the residual of the normalised operator.
        double[][] x = ReferenceData.Standardized;
        double[][] embedding = SpectralClustering.Embed(x, new SpectralOptions { NClusters = 6 }, out int components);
        Assert.Equal(1, components);
        Assert.Equal(6, embedding[0].Length);
        Assert.All(embedding, row => Assert.All(row, v => Assert.True(double.IsFinite(v))));
    }

    [Fact]
    public void Disconnected_blobs_are_found_exactly()
    {
        // Far-apart blobs give one graph component each: eigenvalue 1 repeats and each component is solved alone.
        var (x, truth) = SyntheticBlobs.Make(600, 4, 6, 0.3, 3);
        int[] labels = SpectralClustering.Fit(x, new SpectralOptions { NClusters = 6 });
        Assert.Equal(1.0, ExternalMetrics.AdjustedRandIndex(truth, labels), 10);
    }

    [Fact]
    public void Approximate_neighbours_give_the_same_partition()
    {
        var (x, truth) = SyntheticBlobs.Make(3000, 8, 10, 2.0, 5);
        int[] exact = SpectralClustering.Fit(x, new SpectralOptions { NClusters = 10 });
        int[] approximate = SpectralClustering.Fit(x, new SpectralOptions { NClusters = 10, Neighbors = new NeighborIndexOptions { ExactMaxSamples = 100 } });
        Assert.True(ExternalMetrics.AdjustedRandIndex(exact, approximate) > 0.98);
        Assert.True(ExternalMetrics.AdjustedRandIndex(truth, exact) > 0.95);
    }

    [Fact]
    public void Rejects_bad_parameters()
    {
        var (x, _) = SyntheticBlobs.Make(50, 2, 2, 0.5, 1);
        Assert.Throws<ArgumentException>(() => SpectralClustering.Fit(x, new SpectralOptions { NClusters = 51 }));
        Assert.Throws<ArgumentException>(() => SpectralClustering.Fit(x, new SpectralOptions { NClusters = 2, AssignLabels = "discretize" }));
    }
}
