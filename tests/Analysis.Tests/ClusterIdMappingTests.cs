using MusicClustering.Analysis;

namespace MusicClustering.Analysis.Tests;

/// <summary>Issue 15: the assignment solver on square, rectangular and tied costs, and cluster ids kept across runs.</summary>
public sealed class ClusterIdMappingTests
{
    [Fact]
    public void Hungarian_square_matches_the_brute_force_optimum()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 20; trial++)
        {
            var cost = RandomCost(random, 5, 5);
            var assignment = Hungarian.Solve(cost);
            Assert.Equal(Enumerable.Range(0, 5), assignment.Order());
            Assert.Equal(BruteForceOptimum(cost), Total(cost, assignment), 9);
        }
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(5, 3)]
    [InlineData(1, 4)]
    [InlineData(4, 1)]
    public void Hungarian_rectangular_assigns_min_rows_cols_pairs_one_to_one_at_the_optimum(int rows, int cols)
    {
        var random = new Random(rows * 10 + cols);
        for (var trial = 0; trial < 10; trial++)
        {
            var cost = RandomCost(random, rows, cols);
            var assignment = Hungarian.Solve(cost);
            Assert.Equal(rows, assignment.Length);
            var used = assignment.Where(c => c >= 0).ToList();
            Assert.Equal(Math.Min(rows, cols), used.Count);
            Assert.Equal(used.Count, used.Distinct().Count());
            Assert.Equal(BruteForceOptimum(cost), Total(cost, assignment), 9);
        }
    }

    [Fact]
    public void Hungarian_with_ties_still_gives_a_one_to_one_optimum()
    {
        double[,] allEqual = { { 1, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 } };
        var assignment = Hungarian.Solve(allEqual);
        Assert.Equal([0, 1, 2], assignment.Order());

        // Two optima of cost 2 (identity or swap of the first two); either is right, nothing worse is.
        double[,] tied = { { 1, 1, 5 }, { 1, 1, 5 }, { 5, 5, 0 } };
        var tiedAssignment = Hungarian.Solve(tied);
        Assert.Equal(2, Total(tied, tiedAssignment), 12);
        Assert.Equal(2, tiedAssignment[2]);
    }

    [Fact]
    public void A_renamed_clustering_takes_back_the_earlier_ids()
    {
        var tracks = Tracks(9);
        var previous = Previous(tracks, [0, 0, 0, 1, 1, 1, 2, 2, 2]);
        var mapping = ClusterIdMapping.Map(tracks, [2, 2, 2, 0, 0, 0, 1, 1, 1], previous);
        Assert.Equal(0, mapping[2]);
        Assert.Equal(1, mapping[0]);
        Assert.Equal(2, mapping[1]);
    }

    [Fact]
    public void A_track_that_really_moved_keeps_the_majority_mapping_of_its_new_cluster()
    {
        var tracks = Tracks(6);
        var previous = Previous(tracks, [5, 5, 5, 7, 7, 7]);
        // Track 2 joined the other cluster; the clusters still map to 5 and 7 by their majority.
        var mapping = ClusterIdMapping.Map(tracks, [1, 1, 0, 0, 0, 0], previous);
        Assert.Equal(5, mapping[1]);
        Assert.Equal(7, mapping[0]);
    }

    [Fact]
    public void When_k_grows_the_extra_cluster_gets_a_fresh_id_above_the_earlier_ones()
    {
        // Two earlier clusters (ids 0 and 3), three new ones; the third holds only new tracks.
        var tracks = Tracks(8);
        var previous = Previous(tracks[..6], [0, 0, 0, 3, 3, 3]);
        var mapping = ClusterIdMapping.Map(tracks, [1, 1, 1, 0, 0, 0, 2, 2], previous);
        Assert.Equal(0, mapping[1]);
        Assert.Equal(3, mapping[0]);
        Assert.Equal(4, mapping[2]);
    }

    [Fact]
    public void When_k_shrinks_two_earlier_clusters_merge_into_the_one_that_overlaps_most()
    {
        var tracks = Tracks(7);
        var previous = Previous(tracks, [0, 0, 0, 1, 1, 2, 2]);
        // New cluster 0 holds earlier 0 (3 tracks); new cluster 1 holds earlier 1 (2) and 2 (2): tie, either id is right.
        var mapping = ClusterIdMapping.Map(tracks, [0, 0, 0, 1, 1, 1, 1], previous);
        Assert.Equal(0, mapping[0]);
        Assert.Contains(mapping[1], new[] { 1, 2 });
    }

    [Fact]
    public void Noise_stays_noise_and_a_cluster_sharing_no_track_is_not_matched()
    {
        var tracks = Tracks(6);
        var previous = Previous(tracks[..3], [0, 0, -1]);
        var mapping = ClusterIdMapping.Map(tracks, [1, 1, -1, 0, 0, 0], previous);
        Assert.Equal(-1, mapping[-1]);
        Assert.Equal(0, mapping[1]);
        Assert.Equal(1, mapping[0]);
    }

    private static string[] Tracks(int n) => [.. Enumerable.Range(0, n).Select(i => $"t{i}")];

    private static Dictionary<string, int> Previous(string[] tracks, int[] clusters) =>
        tracks.Select((t, i) => (t, clusters[i])).ToDictionary(p => p.t, p => p.Item2);

    private static double[,] RandomCost(Random random, int rows, int cols)
    {
        var cost = new double[rows, cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                cost[r, c] = random.Next(0, 10);
            }
        }

        return cost;
    }

    private static double Total(double[,] cost, int[] assignment) =>
        assignment.Select((c, r) => c < 0 ? 0 : cost[r, c]).Sum();

    /// <summary>The least total cost of any one-to-one pairing of min(rows, cols) rows and columns.</summary>
    private static double BruteForceOptimum(double[,] cost)
    {
        int rows = cost.GetLength(0), cols = cost.GetLength(1);
        var best = double.PositiveInfinity;
        void Search(int row, bool[] used, int matched, double total)
        {
            if (row == rows)
            {
                if (matched == Math.Min(rows, cols))
                {
                    best = Math.Min(best, total);
                }

                return;
            }

            if (rows - row > Math.Min(rows, cols) - matched)
            {
                Search(row + 1, used, matched, total);
            }

            for (var c = 0; c < cols; c++)
            {
                if (!used[c])
                {
                    used[c] = true;
                    Search(row + 1, used, matched + 1, total + cost[row, c]);
                    used[c] = false;
                }
            }
        }

        Search(0, new bool[cols], 0, 0);
        return best;
    }
}
