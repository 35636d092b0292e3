using MusicClustering.Contracts;
using MusicClustering.Experiments.Library;

namespace MusicClustering.Experiments.Tests.Library;

/// <summary>`update_model: reuse`: the earlier index's scaler and centroids place every row, under the earlier ids.</summary>
public sealed class ReusedModelTests
{
    [Fact]
    public void Every_row_takes_its_nearest_stored_centroid_under_the_earlier_runs_own_ids()
    {
        // Ids 3 and 7, as an earlier update could have left them; the space is the raw rows standardised by the index's scaler.
        var rows = LibraryFixtures.Rows(2, 6, 4);
        var scaler = BlockScaler.Fit(rows, null);
        var space = rows.Select(scaler.Transform).ToArray();
        var clusters = Enumerable.Range(0, rows.Length).Select(i => i < 6 ? 7 : 3).ToArray();
        var index = LibraryFixtures.Index(space, clusters, scaler: scaler);
        using var reused = ReusedModel.Create("exp", index, null, "stats", seed: 0);

        var built = reused.Build(rows);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(space[i], built.Rows[i], new ToleranceComparer(1e-6));
        }

        var evaluated = reused.Evaluate(built.Rows, truth: null);
        Assert.Equal(clusters, reused.ClusterIds(evaluated.Outcome.Labels));
        Assert.Equal(2, evaluated.Outcome.Clusters);
        Assert.Equal(ReusedModel.Algorithm, evaluated.Algorithm);
        Assert.Same(reused.Plan, built.Plan);
    }

    [Fact]
    public void A_space_it_cannot_carry_vectors_into_or_another_feature_config_is_refused_in_one_line()
    {
        var space = LibraryFixtures.Rows(2, 3, 2);
        var index = LibraryFixtures.Index(space, [0, 0, 0, 1, 1, 1]);
        var config = Assert.Throws<ArgumentException>(() => ReusedModel.Create("exp", index, null, "gtzan57", 0));
        Assert.Contains("used feature config 'stats', not 'gtzan57'", config.Message, StringComparison.Ordinal);

        var patches = index with { Projection = new SpaceProjection(PatchRepresentationModels.Contrastive, ModelBlob: "models/x/model.bin") };
        var patch = Assert.Throws<ArgumentException>(() => ReusedModel.Create("exp", patches, null, "stats", 0));
        Assert.Contains("'contrastive' space, which cannot be reused from feature vectors", patch.Message, StringComparison.Ordinal);

        var tsne = index with { Projection = new SpaceProjection(RepresentationModels.Tsne) };
        Assert.Throws<ArgumentException>(() => ReusedModel.Create("exp", tsne, null, "stats", 0));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
