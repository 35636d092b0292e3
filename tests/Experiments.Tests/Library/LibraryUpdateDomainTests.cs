using MusicClustering.Contracts;
using MusicClustering.Experiments.Library;

namespace MusicClustering.Experiments.Tests.Library;

/// <summary>Issue 15: drift between an updated clustering and the one it updates, pruned manifests, the artist filter.</summary>
public sealed class LibraryUpdateDomainTests
{
    [Fact]
    public void Drift_counts_kept_moved_new_and_removed_tracks_and_lists_the_moved_ones()
    {
        var previous = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0, ["c"] = 1, ["gone"] = 1 };
        var clusters = new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["c"] = 1, ["new1"] = 2, ["new2"] = 0 };
        var drift = ClusterDrift.Between(clusters, previous);
        Assert.Equal(2, drift.Kept);
        Assert.Equal(1, drift.Moved);
        Assert.Equal(2, drift.New);
        Assert.Equal(1, drift.Removed);
        Assert.Equal([new ClusterDrift.MovedTrack("b", 0, 1)], drift.MovedTracks);
        Assert.Equal(previous.Count - drift.Removed, drift.Kept + drift.Moved);
    }

    [Fact]
    public void An_updated_analysis_keeps_the_earlier_ids_and_reports_its_drift()
    {
        var rows = LibraryFixtures.Rows(2, 5, 3);
        var ids = Enumerable.Range(0, rows.Length).Select(i => $"t{i}").ToList();
        // The earlier run named the first group 7 and the second 4, and had one track this run no longer has.
        var previous = ids.Take(9).Select((id, i) => (id, i < 5 ? 7 : 4)).ToDictionary(p => p.id, p => p.Item2);
        previous["gone"] = 4;
        var spec = new ExperimentSpec("update", "data", "stats", [new RepresentationSpec(RepresentationModels.None)], K: 2, Baselines: false, Tsne: false, UpdateFrom: "earlier");
        var plan = PlannedRepresentation.Plan(spec).Single();
        var standardised = Analysis.Evaluation.FeatureSpace.Standardize(rows, null);
        var input = new AnalysisInput(spec, ids, ids.Select(_ => (string?)null).ToList(), null, [UntrainedRepresentations.Build(plan, standardised)], previous);
        var output = ExperimentAnalysis.Run(input);
        Assert.All(ids.Take(5), id => Assert.Equal(7, output.Assignments[id]));
        Assert.All(ids.Skip(5), id => Assert.Equal(4, output.Assignments[id]));
        Assert.Equal(new ClusterDrift(9, 0, 1, 1, []), output.Drift! with { MovedTracks = [] });
        Assert.Empty(output.Drift!.MovedTracks);
    }

    [Fact]
    public void A_batch_prunes_the_tracks_it_names_and_merges_the_rest()
    {
        static ManifestTrack Track(string id, string sha = "s") => new(id, $"{id}.wav", sha, new BlobRef("audio", $"{sha}.wav"), 1, null, $"{id}.wav");
        var existing = new DatasetManifest("data", DateTimeOffset.UnixEpoch, [Track("a"), Track("b"), Track("c")], null);
        var merged = DatasetManifest.Merge("data", existing, new DatasetBatch([Track("a", "changed"), Track("d")], null, ["b"]));
        Assert.Equal(["a", "c", "d"], merged.Tracks.Select(t => t.Id));
        Assert.Equal("changed", merged.Tracks[0].Sha256);
        Assert.Equal(["a", "b", "c", "d"], DatasetManifest.Merge("data", existing, new DatasetBatch([Track("d")], null)).Tracks.Select(t => t.Id));
    }

    [Fact]
    public void The_artist_filter_leaves_out_every_track_by_the_query_artist_and_counts_them()
    {
        // Even rows are tagged "Artist" (LibraryFixtures), odd rows are untagged.
        var space = Enumerable.Range(0, 12).Select(i => new[] { (double)i, 0.0 }).ToArray();
        var index = LibraryFixtures.Index(space, [.. Enumerable.Range(0, 12).Select(i => i / 6)]);
        using var neighbours = new LibraryNeighbours(index, space);

        var plain = neighbours.Similar(4, 4);
        Assert.Contains(plain, n => n.Track is "t02" or "t06");
        var (filtered, excluded) = neighbours.SimilarByOtherArtists(4, 4);
        // At distance 1 and 3 the untagged t03, t05, t01, t07; the tagged t02 and t06 (distance 2) are passed over.
        Assert.Equal(["t01", "t03", "t05", "t07"], filtered.Select(n => n.Track).Order(StringComparer.Ordinal));
        Assert.Equal(2, excluded);

        // An untagged query excludes nothing.
        var (untagged, none) = neighbours.SimilarByOtherArtists(5, 4);
        Assert.Equal(0, none);
        Assert.Equal(neighbours.Similar(5, 4), untagged);
    }
}
