using MusicClustering.Analysis;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Experiments.Library;
using MusicClustering.Learning;

namespace MusicClustering.Experiments.Tests.Library;

public sealed class LibraryDomainTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void The_fitted_block_scaler_standardises_exactly_as_the_experiment_did()
    {
        var rows = LibraryFixtures.Rows(3, 5, 6);
        int[] blocks = [1, 2, 3];
        var expected = FeatureSpace.Standardize(rows, blocks);
        var scaler = BlockScaler.Fit(rows, blocks);
        for (var i = 0; i < rows.Length; i++)
        {
            var actual = scaler.Transform(rows[i]);
            for (var j = 0; j < actual.Length; j++)
            {
                Assert.Equal(expected[i][j], actual[j], Tolerance);
            }
        }

        Assert.Throws<ArgumentException>(() => scaler.Transform([1.0, 2.0]));
    }

    [Fact]
    public void A_pca_space_projects_a_new_vector_as_the_fit_projected_its_own_rows()
    {
        var rows = LibraryFixtures.Rows(3, 6, 5);
        var scaler = BlockScaler.Fit(rows, null);
        var standardised = rows.Select(scaler.Transform).ToArray();
        var pca = new Pca(2).Fit(standardised);
        var space = pca.Transform(standardised);
        var index = LibraryFixtures.Index(space, [.. Enumerable.Range(0, rows.Length).Select(i => i / 6)],
            new SpaceProjection(RepresentationModels.Pca, PcaMean: pca.Mean, PcaComponents: pca.Components), scaler);

        using var projector = SpaceProjector.Create(index, null);
        var projected = projector.Project(Array.ConvertAll(rows[4], v => (float)v));
        Assert.Equal(space[4][0], projected[0], 1e-3);
        Assert.Equal(space[4][1], projected[1], 1e-3);
    }

    [Fact]
    public void A_vae_space_encodes_a_new_vector_with_the_stored_model_and_its_scaler()
    {
        var data = Array.ConvertAll(LibraryFixtures.Rows(2, 16, 6).SelectMany(r => r).ToArray(), v => (float)v);
        var result = new VaeTrainer().Train(new VaeTrainingInput(data, 32, 6), new VaeOptions { HiddenSizes = [8], LatentDim = 2, Epochs = 2 }, null, CancellationToken.None);
        var space = FeatureSpace.FromRowMajor(result.LatentMeans, 32, 2);
        var index = LibraryFixtures.Index(space, new int[32], new SpaceProjection(RepresentationModels.Vae, ModelBlob: "models/x/model.bin"));

        using var projector = SpaceProjector.Create(index, result.ModelBytes);
        var projected = projector.Project(data[(5 * 6)..(6 * 6)]);
        Assert.Equal(space[5][0], projected[0], 1e-4);
        Assert.Equal(space[5][1], projected[1], 1e-4);
        Assert.False(SpaceProjector.CanProject(new SpaceProjection(RepresentationModels.Tsne)));
    }

    [Fact]
    public void Profiles_name_the_medoid_the_representatives_nearest_the_centroid_and_the_largest_mean_z_scores()
    {
        double[][] space = [[0, 0], [1, 0], [10, 0], [0.4, 0], [50, 50]];
        double[][] z = [[0, 2], [0, 2], [0, 2], [0, 2], [-3, 0]];
        var profiles = ClusterProfiles.Build(["a", "b", "c", "d", "e"], [0, 0, 0, 0, 1], space, z, ["tempo", "rms"]);

        Assert.Equal(2, profiles.Count);
        Assert.Equal(4, profiles[0].Size);
        Assert.Equal("b", profiles[0].Medoid);                    // least total distance to a, c, d
        Assert.Equal(["b", "d", "a", "c"], profiles[0].Representatives); // centroid 2.85: 1, 0.4, 0, then 10
        Assert.Equal("rms", profiles[0].Distinctive[0].Descriptor);
        Assert.Equal(2, profiles[0].Distinctive[0].Z);
        Assert.Equal(-3, profiles[1].Distinctive[0].Z);
    }

    [Fact]
    public void Playlists_cover_every_track_once_start_at_the_medoid_and_follow_the_nearest_neighbour_chain()
    {
        double[][] space = [[0], [5], [1], [3], [100], [101]];
        var index = LibraryFixtures.Index(space, [0, 0, 0, 0, 1, 1]);
        var playlists = Playlists.Build(index, space);

        Assert.Equal(2, playlists.Count);
        Assert.Equal(index.Tracks.Select(t => t.Track).Order(), playlists.SelectMany(p => p.Tracks).Select(t => t.Track).Order());
        var first = playlists[0].Tracks.Select(t => t.Track).ToList();
        Assert.Equal(index.Clusters[0].Medoid, first[0]);
        Assert.Equal(["t02", "t00", "t03", "t01"], first); // medoid 1, then 0 (1 away), then 3, then 5
        Assert.Equal("cluster-00-jazz.m3u8", playlists[0].File); // half the tracks are tagged Jazz
        var text = Playlists.M3u8(playlists[0]);
        Assert.StartsWith("#EXTM3U\n#EXTINF:-1,Artist - Song t02\nfolder/t02.mp3\n#EXTINF:-1,Artist - Song t00\nfolder/t00.mp3\n#EXTINF:-1,t03\nfolder/t03.mp3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_named_after_the_config_layout()
    {
        var stats = FeatureColumns.For("stats", 40);
        Assert.Equal("mfcc1_mean", stats[0]);
        Assert.Equal("mfcc1_std", stats[20]);
        Assert.Equal(Audio.GtzanTable.Columns, FeatureColumns.For("gtzan57", 57));
        Assert.Equal("feature[2]", FeatureColumns.For("stats", 3)[2]);
    }

    [Fact]
    public void Tracks_are_found_by_id_path_or_file_name()
    {
        var index = LibraryFixtures.Index([[0.0], [1.0]], [0, 0]);
        Assert.Equal(1, index.Find("t01"));
        Assert.Equal(1, index.Find("folder/t01.mp3"));
        Assert.Equal(0, index.Find("t00.mp3"));
        Assert.Null(index.Find("nothing"));
    }
}
