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
    public void MissingHeaderColumn_IsRejected()
    {
        var error = Assert.Throws<FormatException>(() => LyricsTable.Parse("track,text\na,b\n"));
        Assert.Contains("Line 1", error.Message);
        Assert.Contains("'lyrics'", error.Message);
    }

    [Fact]
    public void EmptyFile_IsRejected()
    {
        Assert.Throws<FormatException>(() => LyricsTable.Parse(""));
    }

    [Fact]
    public void EmptyTrackId_NamesTheLine()
    {
        var error = Assert.Throws<FormatException>(() => LyricsTable.Parse("track,lyrics\na,\"x\ny\"\n  ,words\n"));
        Assert.Contains("Line 4", error.Message);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void MissingFields_NamesTheLine()
    {
        var error = Assert.Throws<FormatException>(() => LyricsTable.Parse("track,lyrics\na\n"));
        Assert.Contains("Line 2", error.Message);
    }

    [Fact]
    public void DuplicateTrackId_NamesBothLines()
    {
        var error = Assert.Throws<FormatException>(() => LyricsTable.Parse("track,lyrics\na,one\nb,two\na,three\n"));
        Assert.Contains("Line 4", error.Message);
        Assert.Contains("line 2", error.Message);
        Assert.Contains("'a'", error.Message);
    }

    [Fact]
    public void UnclosedQuote_IsRejected()
    {
        var error = Assert.Throws<FormatException>(() => LyricsTable.Parse("track,lyrics\na,\"never closed\n"));
        Assert.Contains("Line 2", error.Message);
    }
}
