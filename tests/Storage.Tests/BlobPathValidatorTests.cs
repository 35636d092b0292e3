namespace MusicClustering.Storage.Tests;

public sealed class BlobPathValidatorTests
{
    public static TheoryData<string, string> Rejected() => new()
    {
        { "../etc/passwd", "'..' segment" },
        { "a/../b", "'..' segment" },
        { "a/./b", "'.' segment" },
        { "..", "'..' segment" },
        { "..\\windows\\system32", "backslash" },
        { "a\\b", "backslash" },
        { "/etc/passwd", "starts with '/'" },
        { "\\\\server\\share", "backslash" },
        { "C:/Windows", "drive letter" },
        { "c:file", "drive letter" },
        { "a//b", "empty segment" },
        { "a/", "empty segment" },
        { "", "empty" },
        { "a\0b", "control character U+0000" },
        { "a\nb", "control character U+000A" },
        { "a\u007Fb", "control character U+007F" },
        { "song\u202Egpj.exe", "U+202E" },
        { "a\u200Db", "U+200D" },
        { "a\u200Bb", "U+200B" },
        { "\uFEFFname", "U+FEFF" },
        { "\uFF0E\uFF0E\uFF0Fetc", "look-alike path character" },
        { "\uFF0E\uFF0E", "look-alike path character" },
        { "a\uFF3Cb", "look-alike path character" },
        { "\u0301abc", "starts with a combining mark" },
        { "a/\u0338b", "starts with a combining mark" },
        { "e\u0301\u0302\u0303\u0304\u0305", "combining mark" },
        { "name.", "ends with '.'" },
        { "a b", "whitespace" },
        { "a\u00A0b", "whitespace" },
        { "a\uE000b", "private-use" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Rejects_unsafe_names(string name, string expectedReason)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => BlobPathValidator.Validate(name));
        Assert.Contains(expectedReason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_names_over_the_azure_limit()
    {
        var longName = string.Join('/', Enumerable.Repeat(new string('a', 99), 11));
        Assert.True(longName.Length > BlobPathValidator.MaxNameLength);
        var error = Assert.Throws<ArgumentException>(() => BlobPathValidator.Validate(longName));
        Assert.Contains("limit is 1024", error.Message, StringComparison.Ordinal);
        Assert.Equal(1024, BlobPathValidator.Validate(new string('a', 1024)).Length);
    }

    [Fact]
    public void Rejects_null() =>
        Assert.Throws<ArgumentNullException>(() => BlobPathValidator.Validate(null!));

    [Theory]
    [InlineData("gtzan/manifest.json")]
    [InlineData("run-01/plots/loss_curve.png")]
    [InlineData("Björk/Jóga.flac")]
    [InlineData("日本語/曲.mp3")]
    [InlineData("..a/b..c/.hidden")]
    public void Accepts_ordinary_names_unchanged(string name) =>
        Assert.Equal(name.Normalize(System.Text.NormalizationForm.FormC), BlobPathValidator.Validate(name));

    [Fact]
    public void Rejects_unpaired_surrogates()
    {
        // Not theory data: xunit's serialisation would turn the lone surrogate into U+FFFD.
        var error = Assert.Throws<ArgumentException>(() => BlobPathValidator.Validate("a\uD800b"));
        Assert.Contains("unpaired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalises_to_nfc_or_rejects_decomposed_text_without_icu()
    {
        var decomposed = "Bjo\u0308rk.flac";
        var icuAvailable = "e\u0301".Normalize(System.Text.NormalizationForm.FormC) == "\u00E9";
        if (icuAvailable)
        {
            Assert.Equal("Bj\u00F6rk.flac", BlobPathValidator.Validate(decomposed));
        }
        else
        {
            // This repository runs with InvariantGlobalization: no NFC, so one spelling only (precomposed).
            var error = Assert.Throws<ArgumentException>(() => BlobPathValidator.Validate(decomposed));
            Assert.Contains("U+0308", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("Bj\u00F6rk.flac", BlobPathValidator.Validate("Bj\u00F6rk.flac"));
    }

    [Fact]
    public void Error_messages_do_not_echo_invisible_characters()
    {
        var error = Assert.Throws<ArgumentException>(() => BlobPathValidator.Validate("x\u202Ey"));
        Assert.DoesNotContain('\u202E', error.Message);
        Assert.Contains("\\u202E", error.Message, StringComparison.Ordinal);

        // The segment quoted in the reason is escaped too.
        var trailingDot = Assert.Throws<ArgumentException>(() => BlobPathValidator.Validate("ok/x\u202Ey."));
        Assert.DoesNotContain('\u202E', trailingDot.Message);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    public void Segment_validation_rejects_slashes_and_traversal(string segment) =>
        Assert.Throws<ArgumentException>(() => BlobPathValidator.ValidateSegment(segment));
}
