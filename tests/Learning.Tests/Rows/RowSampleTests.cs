namespace MusicClustering.Learning.Tests;

public sealed class RowSampleTests
{
    [Fact]
    public void A_source_within_the_bound_comes_back_whole()
    {
        var source = new CountingRowSource(100, 5);

        var rows = RowSample.Read(source, maxFloats: 500, chunkRows: 16, CancellationToken.None);

        Assert.Equal(source.Materialise(), rows);
    }

    [Fact]
    public void A_larger_source_gives_whole_chunks_spread_over_all_rows_within_the_bound()
    {
        var source = new CountingRowSource(10_000, 4);
        var all = source.Materialise();

        var rows = RowSample.Read(source, maxFloats: 16 * 4 * 10, chunkRows: 16, CancellationToken.None);

        Assert.Equal(16 * 4 * 10, rows.Length);
        Assert.Equal(16 * 10, source.RowsRead);
        Assert.Equal(all.AsSpan(0, 16 * 4).ToArray(), rows.AsSpan(0, 16 * 4).ToArray());
        var lastChunk = rows.AsSpan(rows.Length - (16 * 4)).ToArray();
        var lastFirstRow = (int)(9L * 625 / 10) * 16;
        Assert.Equal(all.AsSpan(lastFirstRow * 4, 16 * 4).ToArray(), lastChunk);
        Assert.True(lastFirstRow > 8_000, "the sample reaches the end of the source");
    }
}
