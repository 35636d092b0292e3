using MusicClustering.Client.Commands.Bench;

namespace MusicClustering.Integration.Tests.Training;

public sealed class NumericCsvTests
{
    [Fact]
    public void Non_numeric_columns_are_dropped_and_numbers_kept_in_row_order()
    {
        var table = NumericCsv.Parse(
        [
            "filename,f00,f01,genre",
            "a.wav,1.5,-2,rock",
            "b.wav,3e2,0.25,jazz",
            "",
        ]);

        Assert.Equal(["f00", "f01"], table.Columns);
        Assert.Equal(2, table.Rows);
        Assert.Equal([1.5f, -2f, 300f, 0.25f], table.Data);
    }

    [Fact]
    public void A_column_with_one_non_numeric_cell_is_dropped()
    {
        var table = NumericCsv.Parse(["x,y", "1,2", "n/a,3"]);

        Assert.Equal(["y"], table.Columns);
        Assert.Equal([2f, 3f], table.Data);
    }

    [Fact]
    public void Ragged_rows_and_tables_without_numbers_are_rejected()
    {
        Assert.Throws<InvalidDataException>(() => NumericCsv.Parse(["x,y", "1"]));
        Assert.Throws<InvalidDataException>(() => NumericCsv.Parse(["id", "a"]));
        Assert.Throws<InvalidDataException>(() => NumericCsv.Parse([]));
    }

    [Fact]
    public async Task The_vae_bench_times_every_epoch_and_prints_no_ratio_without_the_reference()
    {
        var rows = Enumerable.Range(0, 40).Select(i => $"t{i},{i % 7},{i * 0.5},{(i % 3) - 1},label");
        var table = NumericCsv.Parse(["id,a,b,c,genre", .. rows]);

        var report = await BenchVaeCommand.RunAsync(table, "unused.csv", epochs: 3, threads: 1, harness: null, "no harness here", CancellationToken.None);

        Assert.Equal(3, report.Epochs);
        Assert.Equal(40, report.Rows);
        Assert.Equal(3, report.Columns);
        Assert.Equal("cpu", report.Device);
        Assert.True(report.OursSeconds > 0);
        Assert.Null(report.ReferenceSeconds);
        Assert.Null(report.Ratio);
        Assert.Contains("no harness here", report.ReferenceNote);
        var json = MusicClustering.Contracts.ResultsJson.Serialize(report);
        Assert.Contains("\"ours_s\"", json);
        Assert.Contains("\"machine\"", json);
        Assert.DoesNotContain("\"timing\"", json);
    }
}
