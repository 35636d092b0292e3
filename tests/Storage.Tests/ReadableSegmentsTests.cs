namespace MusicClustering.Storage.Tests;

public sealed class ReadableSegmentsTests
{
    [Theory]
    [InlineData("Лето", "Лето")]
    [InlineData("Ünïcødé 日本_Mes Larmes 涙", "Ünïcødé_日本_Mes_Larmes_涙")]
    [InlineData("Cafe\u0301", "Café")] // NFC
    [InlineData("blues.00042", "blues.00042")]
    [InlineData("नमस्ते दुनिया", "नमस्ते_दुनिया")] // combining vowel signs stay with their letters
    [InlineData("a\u200Db", "ab")] // zero-width joiner dropped
    [InlineData("x\u202Eevil", "xevil")] // bidi override dropped
    [InlineData("..\\..//etc", "etc")]
    [InlineData("a ．． b", "a_b")] // full-width dots are not letters
    [InlineData("♪♫", "_")]
    [InlineData("trailing.", "trailing")]
    public void Letters_and_digits_of_every_script_are_kept(string text, string expected) =>
        Assert.Equal(expected, ReadableSegments.From(text));

    [Theory]
    [InlineData("Лето")]
    [InlineData("..")]
    [InlineData("/")]
    [InlineData("e\u0301\u0301\u0301\u0301\u0301\u0301\u0301")]
    [InlineData("\uD800lone")]
    [InlineData("\u0301starts-with-a-mark")]
    public void The_result_always_passes_the_strict_validator(string text) =>
        Assert.Equal(ReadableSegments.From(text), BlobPathValidator.ValidateSegment(ReadableSegments.From(text)));

    [Fact]
    public void Long_text_is_capped_with_a_hash_that_keeps_distinct_texts_distinct()
    {
        var a = ReadableSegments.From(new string('я', 300) + "a");
        var b = ReadableSegments.From(new string('я', 300) + "b");
        Assert.True(a.Length <= SafeSegments.DefaultMaxLength);
        Assert.NotEqual(a, b);
    }
}
