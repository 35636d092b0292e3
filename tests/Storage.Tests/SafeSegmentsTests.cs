namespace MusicClustering.Storage.Tests;

public sealed class SafeSegmentsTests
{
    [Theory]
    [InlineData("My Song (live).mp3", "My_Song_live_.mp3")]
    [InlineData("Björk - Jóga.flac", "Bjork_-_Joga.flac")]
    [InlineData("../../etc/passwd", "_etc_passwd")]
    [InlineData("..\\..\\boot.ini", "_boot.ini")]
    [InlineData("..", "_")]
    [InlineData("__init__.py", "__init__.py")]
    [InlineData("Bjo\u0308rk", "Bjork")]
    [InlineData("ＡＢＣ１２３", "ABC123")]
    [InlineData("a..b", "a.b")]
    [InlineData(".", "_")]
    [InlineData("", "_")]
    [InlineData(".hidden", "_hidden")]
    [InlineData("name.", "name_")]
    [InlineData("\uFF0E\uFF0E\uFF0Fetc", "_etc")]
    [InlineData("evil\u202Egpj.exe", "evil_gpj.exe")]
    [InlineData("a\u200Db\0c", "a_b_c")]
    [InlineData("C:\\Users\\x", "C_Users_x")]
    public void Produces_expected_safe_segment(string userText, string expected) =>
        Assert.Equal(expected, SafeSegments.From(userText));

    [Theory]
    [InlineData("../../x")]
    [InlineData("/abs/path")]
    [InlineData("\u202E\u200B\u0301")]
    [InlineData("日本語の曲.mp3")]
    [InlineData("a/b\\c:d*e?f\"g<h>i|j")]
    public void Output_always_passes_strict_validation(string userText)
    {
        var segment = SafeSegments.From(userText);
        Assert.Equal(segment, BlobPathValidator.ValidateSegment(segment));
        Assert.Matches("^[A-Za-z0-9._-]+$", segment);
    }

    [Fact]
    public void Truncates_with_hash_suffix_keeping_extension()
    {
        var longA = new string('a', 300) + "1.wav";
        var longB = new string('a', 300) + "2.wav";
        var a = SafeSegments.From(longA);
        var b = SafeSegments.From(longB);
        Assert.Equal(SafeSegments.DefaultMaxLength, a.Length);
        Assert.EndsWith(".wav", a, StringComparison.Ordinal);
        Assert.Matches("-[0-9a-f]{16}\\.wav$", a);
        Assert.NotEqual(a, b);
        Assert.Equal(a, SafeSegments.From(longA));
    }

    [Fact]
    public void Short_text_is_not_hashed() =>
        Assert.Equal("track01.wav", BlobNames.SafeSegment("track01.wav"));
}
