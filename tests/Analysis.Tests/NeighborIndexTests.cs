using MusicClustering.Analysis.Neighbors;

namespace MusicClustering.Analysis.Tests;

/// <summary>The neighbour index: exact below the threshold, USearch's HNSW above it, recall@10 against exact.</summary>
public class NeighborIndexTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly NeighborIndexOptions ForceApproximate = new() { ExactMaxSamples = 0 };

    [Fact]
    public void Approximate_recall_at_10_is_at_least_095()
    {
        var (x, _) = SyntheticBlobs.Make(8_000, 16, 30, 3.0, 11);
        using var exact = NeighborIndex.Build(x);
        using var approximate = NeighborIndex.Build(x, ForceApproximate);
        Assert.True(exact.IsExact);
        Assert.False(approximate.IsExact);
        double recall = NeighborIndex.Recall(approximate.Graph(10), exact.Graph(10));
        output.WriteLine($"recall@10 {recall:F4}");
        Assert.True(recall >= 0.95, $"recall@10 {recall:F4}");
    }

    [Fact]
    public void Graph_is_reproducible_and_excludes_each_point()
    {
        var (x, _) = SyntheticBlobs.Make(2_000, 8, 10, 2.0, 3);
        using var first = NeighborIndex.Build(x, ForceApproximate);
        using var second = NeighborIndex.Build(x, ForceApproximate);
        var a = first.Graph(15);
        var b = second.Graph(15);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(a.Indices[i], b.Indices[i]);
            Assert.DoesNotContain(i, a.Indices[i]);
            Assert.True(a.SquaredDistances[i].Zip(a.SquaredDistances[i].Skip(1)).All(p => p.First <= p.Second));
        }
    }

    [Fact]
    public void Query_point_matches_brute_force_and_reports_euclidean_distances()
    {
        var (x, _) = SyntheticBlobs.Make(500, 4, 5, 1.0, 8);
        using var index = NeighborIndex.Build(x);
        var neighbours = index.QueryPoint(17, 5);
        var expected = Enumerable.Range(0, x.Length).Where(j => j != 17)
            .Select(j => (j, d: Math.Sqrt(x[17].Zip(x[j]).Sum(p => (p.First - p.Second) * (p.First - p.Second)))))
            .OrderBy(p => p.d).Take(5).ToArray();
        Assert.Equal(expected.Select(e => e.j), neighbours.Select(n => n.Index));
        for (int t = 0; t < 5; t++)
        {
            Assert.Equal(expected[t].d, neighbours[t].Distance, 12);
        }
        Assert.Equal(17, index.Query(x[17], 1)[0].Index);
    }

    [Fact]
    public void Tiny_sets_answer_what_they_have()
    {
        double[][] x = [[0.0], [1.0], [3.0]];
        using var exact = NeighborIndex.Build(x);
        using var approximate = NeighborIndex.Build(x, ForceApproximate);
        Assert.Equal([1, 2], exact.QueryPoint(0, 10).Select(n => n.Index));
        Assert.Equal([1, 2], approximate.QueryPoint(0, 10).Select(n => n.Index));
        Assert.Throws<ArgumentOutOfRangeException>(() => exact.Graph(3));
    }
}
