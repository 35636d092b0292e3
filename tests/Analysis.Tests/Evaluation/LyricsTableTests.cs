using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Analysis.Tests.Evaluation;

public class LyricsTableTests
{
    [Fact]
    public void Parses_QuotedMultiLineFields_AndIgnoresExtraColumns()
    {
        string csv = "id_extra,Track,lyrics\r\n"
            + "x,a,\"hello, world\"\r\n"
            + "y,b,\"line one\nline \"\"two\"\"\"\n"
            + "\n"
            + "z,c,\n";
        var table = LyricsTable.Parse(csv);
        Assert.Equal(3, table.Count);
        Assert.Equal("hello, world", table["a"]);
        Assert.Equal("line one\nline \"two\"", table["b"]);
        Assert.Equal("", table["c"]);
    }

    [Fact]
    public void Missing_header_column_is_rejected()
    {
        var error = Assert.Throws<FormatException>(() => LyricsTable.Parse("track,text\na,b\n"));
        Assert.Contains("Line 1", error.Message);
        Assert.Contains("'lyrics'", error.Message);
    }

    [Fact]
    public void Empty_file_is_rejected()
    {
        Assert.Throws<FormatException>(() => LyricsTable.Parse(""));
    }

    [Fact]
    public void Empty_track_id_names_the_line()
    {
        var error = Assert.Throws<FormatException>(() => LyricsTable.Parse("track,lyrics\na,\"x\ny\"\n  ,words\n"));
        Assert.Contains("Line 4", error.Message);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Missing_fields_names_the_line()
    {
        var error = Assert.Throws<FormatException>(() => LyricsTable.Parse("track,lyrics\na\n"));
        Assert.Contains("Line 2", error.Message);
    }

    [Fact]
    public void Duplicate_track_id_names_both_lines()
    {
        var error = Assert.Throws<FormatException>(() => LyricsTable.Parse("track,lyrics\na,one\nb,two\na,three\n"));
        Assert.Contains("Line 4", error.Message);
        Assert.Contains("line 2", error.Message);
        Assert.Contains("'a'", error.Message);
    }

    [Fact]
    public void Unclosed_quote_is_rejected()
    {
        var error = Assert.Throws<FormatException>(() => LyricsTable.Parse("track,lyrics\na,\"never closed\n"));
        Assert.Contains("Line 2", error.Message);
    }
}
