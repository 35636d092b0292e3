namespace MusicClustering.Learning.Tests;

public sealed class ChunkShufflePlanTests
{
    private static int[] Visited(ChunkShufflePlan plan, int epoch) =>
        [.. plan.Epoch(epoch).SelectMany(w => Enumerable.Range(0, w.Rows).Select(w.SourceRow))];

    [Theory]
    [InlineData(1000, 0.0)]
    [InlineData(1000, 0.2)]
    [InlineData(257, 0.0)]
    public void Every_training_row_is_visited_exactly_once_per_epoch_and_never_a_validation_row(int rows, double validation)
    {
        var plan = new ChunkShufflePlan(rows, chunkRows: 64, chunksPerWindow: 3, validation, seed: 5);
        var validationRows = plan.Validation.SelectMany(c => Enumerable.Range(c.First, c.Count)).ToHashSet();

        for (var epoch = 0; epoch < 3; epoch++)
        {
            var visited = Visited(plan, epoch);
            Assert.Equal(plan.TrainRows, visited.Length);
            Assert.Equal(visited.Length, visited.Distinct().Count());
            Assert.DoesNotContain(visited, validationRows.Contains);
            Assert.Equal(Enumerable.Range(0, rows), visited.Concat(validationRows).Order());
        }

        Assert.Equal(validation > 0, validationRows.Count > 0);
    }

    [Fact]
    public void An_epoch_depends_only_on_seed_and_epoch()
    {
        var plan = new ChunkShufflePlan(2000, 64, 4, 0.1, seed: 9);
        var again = new ChunkShufflePlan(2000, 64, 4, 0.1, seed: 9);
        var otherSeed = new ChunkShufflePlan(2000, 64, 4, 0.1, seed: 10);

        Assert.Equal(Visited(plan, 3), Visited(again, 3));
        Assert.Equal(Visited(plan, 1), Visited(plan, 1));
        Assert.NotEqual(Visited(plan, 1), Visited(plan, 2));
        Assert.NotEqual(Visited(plan, 1), Visited(otherSeed, 1));
        Assert.NotEqual(Visited(plan, 0).Order(), Visited(plan, 0));
    }

    [Fact]
    public void A_window_holds_whole_chunks_and_mixes_rows_across_them()
    {
        var plan = new ChunkShufflePlan(1024, 64, 4, 0, seed: 1);

        var window = plan.Epoch(0).First();

        Assert.Equal(4, window.Ranges.Length);
        Assert.All(window.Ranges, r => Assert.Equal(0, r.First % 64));
        var firstBatch = Enumerable.Range(0, 32).Select(window.SourceRow).Select(r => r / 64).Distinct().Count();
        Assert.True(firstBatch > 1, "the first 32 rows of a window come from more than one chunk");
    }
}
